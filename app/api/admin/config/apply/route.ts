import { applyBodySchema, applyConfigImport, MAX_CONFIG_BYTES } from '@/lib/server/admin/config-import';
import { adminMutation } from '@/lib/server/admin/route';

export const dynamic = 'force-dynamic';

/** POST { yaml, basedOn } → applies the config as the next revision (409 CONFIG_STALE if basedOn is not live). */
export const POST = adminMutation(applyBodySchema, applyConfigImport, { maxBodyBytes: MAX_CONFIG_BYTES + 4096 })
