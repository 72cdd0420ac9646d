/**
 * Config as code from the admin side (issue 5 §2): the dry run of an import, applying it, and the admin
 * pages' edits. All three validate exactly as the config file is validated at start (every problem
 * listed as a typed 400, nothing written) and go through the live config's one apply path; an apply or an
 * edit names the revision it was made against, so a change made on a stale page fails with CONFIG_STALE.
 */
import { z } from 'zod';
import type { ConfigChange } from '../../core/config/diff';
import { configEditSchema, editConfig } from '../../core/config/edit';
import { ConfigError, type RolegateConfig } from '../../core/config/parse';
import { GatewayError } from '../../core/errors';
import { CONTROL_CHARACTER_MESSAGE, freeText, inputRefusal } from '../../core/text/free-text';
import type { Container } from '../container';
import type { ApplyInput } from '../live-config';
import type { AdminContext, MutationResult } from './route';

export const MAX_CONFIG_BYTES = 1_000_000;
const yaml = freeText().min(1).max(MAX_CONFIG_BYTES);
const revision = z.number().int().min(0);

export const previewBodySchema = z.object({ yaml }).strict();
export const applyBodySchema = z.object({ yaml, basedOn: revision }).strict();
export const editBodySchema = z.object({
  basedOn: revision,
  edit: configEditSchema,
  /** Only with `putOidcIdp`: a new client secret, stored sealed, never in the config. Omitted: keep the current one. */
  clientSecret: freeText().min(1).max(1024).optional(),
}).strict().refine((b) => b.clientSecret === undefined || b.edit.op === 'putOidcIdp', { message: 'clientSecret goes only with putOidcIdp', path: ['clientSecret'] });

/** A ConfigError becomes a 400 listing its problems (at most 50), safe to show an admin. */
async function asBadRequest<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    const problems = err.problems.slice(0, 50).map((p) => `${p.path || '(root)'}: ${p.message}`);
    const control = err.problems.some((p) => p.message === CONTROL_CHARACTER_MESSAGE);
    throw new GatewayError(control ? 'INPUT_CONTROL_CHARACTER' : 'BAD_REQUEST', `config: ${err.problems.length} problems`, { publicDetail: problems.join('\n') });
  }
}

export async function previewConfigImport(c: Container, body: unknown): Promise<{ revision: number; changes: ConfigChange[] }> {
  const parsed = previewBodySchema.safeParse(body);
  if (!parsed.success) {
    if (inputRefusal(parsed.error).code === 'INPUT_CONTROL_CHARACTER') throw inputRefusal(parsed.error);
    throw new GatewayError('BAD_REQUEST', 'config preview body', { publicDetail: 'send { "yaml": "<the config file>" } (at most 1 MB)' });
  }
  return asBadRequest(() => c.live.preview(parsed.data.yaml));
}

/** Changes named in the audit row; the rest are counted (the revision itself lists every one). */
const AUDITED_CHANGES = 40;
const AUDITED_LINE_CHARS = 150;

/**
 * The changes as the audit row lists them, bounded: a big import (300 accounts) lists thousands, far past
 * the ledger's 8 KB detail limit, and the ledger refused the row after the revision was applied.
 */
export function changeLines(changes: readonly ConfigChange[]): string[] {
  const lines = changes.slice(0, AUDITED_CHANGES).map((ch) => `${ch.kind} ${ch.section}/${ch.id}${ch.fields ? ` (${ch.fields.join(', ')})` : ''}`.slice(0, AUDITED_LINE_CHARS));
  return changes.length > AUDITED_CHANGES ? [...lines, `… and ${changes.length - AUDITED_CHANGES} more (the revision lists every change)`] : lines;
}

async function applyText(ctx: AdminContext, text: ApplyInput['text'], basedOn: number, source: 'import' | 'edit', action: string, alsoChanged?: ConfigChange) {
  const by = ctx.session.user.email ?? ctx.session.user.id;
  const result = await asBadRequest(() => ctx.c.live.apply({ text, basedOn, source, by, alsoChanged }));
  const body = { revision: result.revision, changes: result.changes };
  return {
    change: { action, target: 'config', before: { revision: result.before }, after: { revision: result.revision, changes: changeLines(result.changes) } },
    body,
  };
}

/** Applies a whole config file (after its dry run): a new revision, live at once in every instance. */
export function applyConfigImport(ctx: AdminContext, input: z.infer<typeof applyBodySchema>): Promise<MutationResult<{ revision: number; changes: ConfigChange[] }>> {
  return applyText(ctx, input.yaml, input.basedOn, 'import', 'config.import');
}

/** One admin-page edit (disable a rule, add a SAML connection…), applied as the next revision. */
export async function applyConfigEdit(ctx: AdminContext, input: z.infer<typeof editBodySchema>): Promise<MutationResult<{ revision: number; changes: ConfigChange[] }>> {
  const edit = (base: RolegateConfig) => editConfig(base, input.edit);
  const action = `config.${input.edit.op}`;
  if (input.clientSecret === undefined || input.edit.op !== 'putOidcIdp') return applyText(ctx, edit, input.basedOn, 'edit', action);
  // A new secret is a revision of its own too (listed, never shown), so every instance re-reads the secrets.
  const secretChange: ConfigChange = { section: 'idps', id: input.edit.idp.id, kind: 'changed', fields: ['clientSecret'] };
  const by = ctx.session.user.email ?? ctx.session.user.id;
  return ctx.c.secrets.withSecret(input.edit.idp.id, input.clientSecret, by, () => applyText(ctx, edit, input.basedOn, 'edit', action, secretChange));
}
