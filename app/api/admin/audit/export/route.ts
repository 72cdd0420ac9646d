import { adminRead } from '@/lib/server/admin/route';
import { exportAudit } from '@/lib/server/admin/audit-ledger';

export const dynamic = 'force-dynamic';

/** GET ?format=csv|json&<the ledger page's search> → the matching audit events as a download. Admins only. */
export const GET = adminRead(async (ctx, req) => {
  const file = await exportAudit(ctx, new URL(req.url).searchParams);
  return new Response(file.body, {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.filename}"`,
      'X-Rolegate-Export-Rows': String(file.rows),
      'X-Rolegate-Export-Truncated': String(file.truncated),
    },
  });
});
