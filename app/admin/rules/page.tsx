import { AdminShell } from '../admin-shell';
import { isGatewayError, publicView } from '@/lib/core/errors';
import type { HeldRole } from '@/lib/core/issuance/held-roles';
import { listHref, listPage, parseListQuery } from '@/lib/server/admin/list-page';
import { requireAdminPage } from '@/lib/server/admin/page-guard';
import { parsePastedClaims, previewClaims, previewUser, whoCanAssume, type RoleHolders, type UserPreview } from '@/lib/server/admin/rules-preview';
import { getContainer, type Container } from '@/lib/server/container';
import { ListPager } from '../list-pager';
import { HeldList } from './held-list';
import { RoleSelect } from './role-select';
import { RuleForm } from './rule-form';
import { RulesTable } from './rules-table';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Rules' };

export const dynamic = 'force-dynamic';

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === 'string' && v.trim() ? v : undefined);

interface Preview {
  user?: UserPreview;
  pasted?: HeldRole[];
  holders?: RoleHolders;
  problem?: string;
}

async function preview(c: Container, q: Params): Promise<Preview> {
  try {
    const userId = one(q.user);
    const claims = one(q.claims);
    const role = one(q.role);
    return {
      user: userId ? await previewUser(c, userId.slice(0, 100)) : undefined,
      pasted: claims ? previewClaims(c, parsePastedClaims(claims.slice(0, 20_000))) : undefined,
      holders: role && c.config.roles.has(role) ? await whoCanAssume(c, role) : undefined,
    };
  } catch (err) {
    if (!isGatewayError(err)) throw err;
    return { problem: publicView(err).detail ?? publicView(err).message };
  }
}

/** Rules, and "who can assume what" both ways, decided by the same functions as issuance. */
export default async function RulesPage({ searchParams }: { searchParams: Promise<Params> }) {
  const session = await requireAdminPage('/admin/rules');
  const c = await getContainer();
  const q = await searchParams;
  const [users, result] = await Promise.all([c.repos.users.listRecent(), preview(c, q)]);
  const editing = c.config.rules.find((r) => r.id === one(q.edit));
  // Every role of every account, disabled ones included: a rule may name them (they grant nothing while off).
  const roleOptions = c.config.accounts.flatMap((a) => a.roles.map((r) => ({ id: `${a.id}/${r.name}`, label: `${a.alias}/${r.name}${a.disabled ? ' (account disabled)' : ''}` })));
  const roleLabel = (id: string) => {
    const r = c.config.roles.get(id);
    return r ? `${r.accountAlias}/${r.roleName}` : id;
  };
  // One page of rules (issue 15 §4); an edit link opens the page of the rule it edits.
  const list = listPage(c.config.rules, parseListQuery(q), {
    text: (r) => [r.id, ...(r.idps ?? []), ...(r.groups ?? []), ...(r.emails ?? []), ...(r.emailDomains ?? []), ...r.roles, ...r.roles.map(roleLabel)],
    focus: (r) => r.id === editing?.id,
  });
  return (
    <AdminShell c={c} session={session}>
      <section className="admin">
        <h1>Rules</h1>
        <p className="muted">Groups, emails and domains → roles. A role is granted only when a rule matches (or a time-limited grant is active: see Grants). Every change is a new config revision, live at once.</p>
        <ListPager path="/admin/rules" list={list} noun="rule" testId="rules-pager" />
        <section className="card"><RulesTable rules={list.items} roleLabel={roleLabel} revision={c.configRevision} editHref={(id) => `${listHref('/admin/rules', list, { edit: id })}#rule-form`} /></section>

        <section className="card account preview-card" id="rule-form">
          <header className="account-header"><h2>{editing ? `Edit rule ${editing.id}` : 'Add a rule'}</h2></header>
          <RuleForm basedOn={c.configRevision} roles={roleOptions} rule={editing} />
        </section>

        <section className="card account preview-card">
          <header className="account-header"><h2>Preview: what does someone get?</h2></header>
          <form method="get" action="/admin/rules" className="preview-form" data-testid="preview-form">
            <label>
              Known user (claims of their latest sign-in)
              <select className="input" name="user" defaultValue={one(q.user) ?? ''} data-testid="preview-user">
                <option value="">—</option>
                {users.map((u) => <option key={u.id} value={u.id}>{u.email ?? u.id}</option>)}
              </select>
            </label>
            <label className="preview-claims">
              …or paste claims (JSON)
              <textarea className="input mono" name="claims" defaultValue={one(q.claims)} placeholder='{"idpId":"okta","email":"ann@example.com","emailVerified":true,"groups":["aws-dev-admins"]}' data-testid="preview-claims" />
            </label>
            <button className="btn btn-primary" type="submit" data-testid="preview-submit">Preview</button>
          </form>
          {result.problem && <p className="alert" role="alert" data-testid="preview-problem">{result.problem}</p>}
          {result.user && (
            <div className="preview-result" data-testid="preview-user-result">
              <h3>{result.user.user.email ?? result.user.user.id}</h3>
              {result.user.claims ? <HeldList roles={result.user.roles} /> : <p className="muted">No sign-in on record whose claims could be evaluated.</p>}
            </div>
          )}
          {result.pasted && (
            <div className="preview-result" data-testid="preview-claims-result">
              <h3>Pasted claims</h3>
              <HeldList roles={result.pasted} />
            </div>
          )}
        </section>

        <section className="card account preview-card">
          <header className="account-header"><h2>Reverse: who can assume a role?</h2></header>
          <form method="get" action="/admin/rules" className="preview-form" data-testid="reverse-form">
            <RoleSelect name="role" roles={roleOptions} initial={one(q.role) ?? ''} testId="reverse-role" />
            <button className="btn btn-primary" type="submit" data-testid="reverse-submit">Show</button>
          </form>
          {result.holders && (
            <div className="preview-result" data-testid="reverse-result">
              <p>Granted by rules: <span className="mono" data-testid="reverse-rules">{result.holders.rules.map((r) => r.id).join(', ') || 'none'}</span></p>
              <ul className="preview-list" data-testid="reverse-users">
                {result.holders.users.map((h) => (
                  <li key={h.user.id} data-testid="reverse-user">{h.user.email ?? h.user.id} <span className="mono muted">{h.via.join('; ')}</span></li>
                ))}
              </ul>
              {result.holders.users.length === 0 && <p className="muted">No known user holds it right now.</p>}
            </div>
          )}
        </section>
      </section>
    </AdminShell>
  );
}
