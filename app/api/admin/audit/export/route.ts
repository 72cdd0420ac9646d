import { adminRead } from '@/lib/server/admin/route';
import { exportAudit } from '@/lib/server/admin/audit-ledger';

export const dynamic = 'force-dynamic';

/**
 * GET ?format=csv|json&<the ledger page's search> → the matching audit events as a streamed download.
 * Admins only. The row count and whether the cap cut the file are in its last line (CSV) or its closing
 * fields (JSON): a streamed file cannot know them when its headers are sent.
 */
export const GET = adminRead(async (ctx, req) => {
  const file = await exportAudit(ctx, new URL(req.url).searchParams, req.signal);
  return new Response(file.body, {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.filename}"`,
    },
  });
});
