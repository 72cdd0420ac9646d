import { exportConfigYaml } from '@/lib/core/config/export';
import { adminRead, auditByAdmin } from '@/lib/server/admin/route';

export const dynamic = 'force-dynamic';

/** GET → the live config as YAML (config as code; never secrets: those are in the environment). Audited. */
export const GET = adminRead(async (ctx) => {
  const at = ctx.c.now();
  const yaml = exportConfigYaml(ctx.c.config, { at, by: ctx.session.user.email ?? ctx.session.user.id });
  await auditByAdmin(ctx, { action: 'config.export', target: 'config', bytes: yaml.length });
  return new Response(yaml, {
    headers: { 'Content-Type': 'application/yaml; charset=utf-8', 'Content-Disposition': `attachment; filename="rolegate-config-${at.toISOString().slice(0, 10)}.yaml"` },
  });
});
