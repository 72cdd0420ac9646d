import { NextResponse } from 'next/server';
import { previewConfigImport, MAX_CONFIG_BYTES } from '@/lib/server/admin/config-preview';
import { adminRead } from '@/lib/server/admin/route';
import { assertSameOrigin } from '@/lib/server/csrf';
import { readBody } from '@/lib/server/http';

export const dynamic = 'force-dynamic';

/** POST { yaml } → what importing this config would change (a dry run: nothing is written). Admins only. */
export const POST = adminRead(async ({ c }, req) => {
  assertSameOrigin(req.headers, c.config.publicUrl);
  return NextResponse.json(previewConfigImport(c.config, await readBody(req, MAX_CONFIG_BYTES + 4096)));
});
