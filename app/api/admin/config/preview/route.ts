import { NextResponse } from 'next/server';
import { previewConfigImport, MAX_CONFIG_BYTES } from '@/lib/server/admin/config-import';
import { adminRead } from '@/lib/server/admin/route';
import { assertSameOrigin } from '@/lib/server/csrf';
import { readBody } from '@/lib/server/http';

export const dynamic = 'force-dynamic';

/** POST { yaml } → the live revision and what importing this config would change (nothing is written). */
export const POST = adminRead(async ({ c }, req) => {
  assertSameOrigin(req.headers, c.config.publicUrl);
  return NextResponse.json(await previewConfigImport(c, await readBody(req, MAX_CONFIG_BYTES + 4096)));
});
