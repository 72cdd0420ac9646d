import { applyConfigEdit, editBodySchema, MAX_CONFIG_BYTES } from '@/lib/server/admin/config-import';
import { adminMutation } from '@/lib/server/admin/route';

export const dynamic = 'force-dynamic';

/** POST { basedOn, edit } → one admin-page edit of the config, applied as the next revision. */
export const POST = adminMutation(editBodySchema, applyConfigEdit, { maxBodyBytes: MAX_CONFIG_BYTES + 4096 })
