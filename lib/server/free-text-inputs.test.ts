/**
 * Issue 12 §7: a NUL (or another control character) in any free-text input is a typed 400
 * INPUT_CONTROL_CHARACTER and reaches no database — it used to reach PostgreSQL, which refuses NUL, as a
 * 500. Real repos on both dialects; the entry points are the functions the routes call.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { EXAMPLE_CONFIG_YAML } from '../core/config/fixtures';
import { parseConfigText } from '../core/config/parse';
import { GatewayError } from '../core/errors';
import { describeEachDialect } from '../db/test-support/databases';
import { parseAuditSearch } from './admin/audit-search';
import { applyBodySchema, applyConfigEdit, applyConfigImport, editBodySchema, previewConfigImport } from './admin/config-import';
import { parsePastedClaims } from './admin/pasted-claims';
import type { AdminContext } from './admin/route';
import type { Container } from './container';
import { openLiveConfig } from './live-config';
import { parseDeviceDecision } from './oauth/device-page';
import { parseRoleRequest } from './role-request';
import { inputRefusal } from '../core/text/free-text';

const refused = (e: unknown) => e instanceof GatewayError && e.code === 'INPUT_CONTROL_CHARACTER' && e.status === 400;

describeEachDialect('NUL in free text', (ctx, dialect) => {
  it('is the 500 this guards against: PostgreSQL refuses NUL in text (SQLite would store it)', async (t) => {
    if (dialect !== 'postgresql') return t.skip('PostgreSQL only');
    await assert.rejects(ctx().repos.audit.appendAudit({ type: 'admin', outcome: 'ok', userId: 'u1\u0000', detail: { action: 'x', target: 'y' } }));
  });

  it('config import, apply and admin-page edits with a NUL are refused and write no revision', async () => {
    const { repos } = ctx();
    const live = await openLiveConfig({ repo: repos.configRevisions, validate: (text, source) => parseConfigText(text, source), onFileRevision: async () => undefined, now: () => new Date() }, { text: EXAMPLE_CONFIG_YAML, name: 'rolegate.yaml' });
    const before = await repos.configRevisions.list(100);
    const c = { live } as unknown as Container; // previewConfigImport reads only c.live
    const session = { user: { id: 'admin-1', email: 'root@example.com' }, idpId: 'okta' } as unknown as AdminContext['session'];
    const admin: AdminContext = { c, session, meta: {} };
    const nulEscape = EXAMPLE_CONFIG_YAML.replace('alias: prod', 'alias: "pr\\0od"');
    await assert.rejects(previewConfigImport(c, { yaml: `${EXAMPLE_CONFIG_YAML}#\u0000` }), refused);
    await assert.rejects(previewConfigImport(c, { yaml: nulEscape }), refused);
    // The route parses with applyBodySchema before applying: refused there; and apply itself refuses too.
    const body = applyBodySchema.safeParse({ yaml: `a: "\u0000"`, basedOn: 1 });
    assert.ok(!body.success && refused(inputRefusal(body.error)));
    await assert.rejects(applyConfigImport(admin, { yaml: nulEscape, basedOn: live.current().revision }), refused);
    const edit = editBodySchema.safeParse({ basedOn: 1, edit: { op: 'putRule', rule: { id: 'r9', description: 'why\u0000', roles: ['dev/Admin'] } } });
    assert.ok(!edit.success && refused(inputRefusal(edit.error)));
    // Even an edit that slipped past the schema is stopped by the config check before it is written.
    const slipped = { op: 'updateAccount' as const, id: '111122223333', alias: 'pr\u0000od' };
    await assert.rejects(applyConfigEdit(admin, { basedOn: live.current().revision, edit: slipped }), refused);
    assert.deepEqual(await repos.configRevisions.list(100), before, 'no revision written');
  });
});

it('the other text inputs the routes parse refuse a NUL with INPUT_CONTROL_CHARACTER', () => {
  assert.throws(() => parseRoleRequest({ roleId: '111122223333/Admin\u0000' }), refused);
  assert.throws(() => parseDeviceDecision({ user_code: 'BCDF-\u0000GHJ', decision: 'approve' }), refused);
  assert.throws(() => parseAuditSearch(new URLSearchParams({ q: 'x\u0000' })), refused);
  assert.throws(() => parseAuditSearch({ user: 'u\u0007' }), refused);
  assert.throws(() => parsePastedClaims(JSON.stringify({ idpId: 'okta', groups: ['a\u0000'] })), refused);
  // Ordinary mistakes stay BAD_REQUEST.
  assert.throws(() => parseRoleRequest({ roleId: 'x' }), (e: unknown) => e instanceof GatewayError && e.code === 'BAD_REQUEST');
});
