import { AdminShell } from '../admin-shell';
import { ConfigEditButton } from '../config-edit';
import type { AccountConfig } from '@/lib/core/config/schema';
import type { RoleDef } from '@/lib/core/types';
import { listHref, listPage, parseListQuery, type ListPage } from '@/lib/server/admin/list-page';
import { requireAdminPage } from '@/lib/server/admin/page-guard';
import { getContainer } from '@/lib/server/container';
import { ListPager } from '../list-pager';
import { AccountForm } from './account-form';
import { AddAccountForm, RoleForm, type RoleFields } from './role-form';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Accounts' };

export const dynamic = 'force-dynamic';

const ACCOUNTS_PAGE_SIZE = 20;

const hours = (s: number) => `${Math.round((s / 3600) * 10) / 10} h`;

function Policies({ role }: { role: RoleDef }) {
  if (role.sessionPolicy) return <pre className="audit-detail" data-testid="session-policy">{JSON.stringify(JSON.parse(role.sessionPolicy), null, 2)}</pre>;
  if (role.managedPolicyArns.length) return <div className="mono">{role.managedPolicyArns.join(', ')}</div>;
  return <span className="muted">none</span>;
}

type RoleConfig = AccountConfig['roles'][number];

function roleFields(accountId: string, r: RoleConfig): RoleFields {
  const policy = r.sessionPolicy === undefined ? undefined : typeof r.sessionPolicy === 'string' ? r.sessionPolicy : JSON.stringify(r.sessionPolicy, null, 2);
  return { accountId, name: r.name, description: r.description, region: r.region, maxSessionDuration: r.maxSessionDuration, delivery: r.delivery, sessionTags: r.sessionTags, sessionPolicy: policy, managedPolicyArns: r.managedPolicyArns, requestable: r.requestable };
}

function RolesTable({ roles, revision, editHref }: { roles: RoleDef[]; revision: number; editHref: (r: RoleDef) => string }) {
  return (
    <table className="audit-table">
      <thead><tr><th>Role</th><th>Delivery</th><th>Region</th><th>Max session</th><th>Session tags</th><th>Session policy</th><th>Change</th></tr></thead>
      <tbody>
        {roles.map((r) => (
          <tr key={r.id} data-testid={`role-${r.id}`}>
            <td><strong>{r.roleName}</strong><div className="mono muted audit-arn">{r.arn}</div></td>
            <td>{r.delivery}</td>
            <td>{r.region}</td>
            <td>{hours(r.maxSessionDurationSeconds)}</td>
            <td className="mono">{Object.entries(r.sessionTags).map(([k, v]) => `${k} ← ${v}`).join(', ') || '—'}</td>
            <td><Policies role={r} /></td>
            <td>
              <a className="btn btn-small" href={editHref(r)} data-testid={`role-edit-${r.id}`}>Edit</a>{' '}
              <ConfigEditButton basedOn={revision} edit={{ op: 'deleteRole', accountId: r.accountId, name: r.roleName }} label="Delete" danger confirmText={`Delete role ${r.roleName}? Rules naming it must be changed first.`} testId={`role-delete-${r.id}`} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The account's forms, rendered only for the account being edited (?role= or ?account=): hidden in every
 * account they were most of the page's HTML.
 */
function AccountForms({ acct, revision, editing }: { acct: AccountConfig; revision: number; editing?: RoleConfig }) {
  return (
    <>
      <details open>
        <summary data-testid={`role-form-open-${acct.id}`}>{editing ? `Edit role ${editing.name}` : 'Add a role'}</summary>
        <RoleForm basedOn={revision} accountId={acct.id} role={editing ? roleFields(acct.id, editing) : undefined} />
      </details>
      <details open={!editing}>
        <summary>Edit alias, region, colour</summary>
        <AccountForm basedOn={revision} account={{ id: acct.id, alias: acct.alias, region: acct.region, colour: acct.colour }} />
      </details>
    </>
  );
}

interface AccountProps {
  acct: AccountConfig;
  roles: RoleDef[];
  revision: number;
  editRole?: string;
  /** Show the account's forms (it is being edited). */
  open: boolean;
  list: ListPage<AccountConfig>;
}

function Account({ acct, roles, revision, editRole, open, list }: AccountProps) {
  const editing = acct.roles.find((r) => `${acct.id}/${r.name}` === editRole);
  return (
    <section className="card account preview-card" id={`account-${acct.id}`} data-testid={`account-${acct.id}`} data-disabled={acct.disabled} style={acct.colour ? { borderLeft: `5px solid ${acct.colour}` } : undefined}>
      <header className="account-header">
        <h2>{acct.alias}</h2>
        <span className="mono muted">{acct.id} · {acct.partition}</span>
        {acct.disabled && <span className="chip chip-bad">disabled</span>}
        <ConfigEditButton
          basedOn={revision}
          edit={{ op: 'setDisabled', section: 'accounts', id: acct.id, disabled: !acct.disabled }}
          label={acct.disabled ? 'Enable account' : 'Disable account'}
          danger={!acct.disabled}
          confirmText={acct.disabled ? undefined : `Disable ${acct.alias}? Nobody can assume its roles until it is enabled again.`}
          testId={`account-toggle-${acct.id}`}
        />
      </header>
      {acct.disabled ? (
        <p className="muted">Its roles ({acct.roles.map((r) => r.name).join(', ')}) cannot be assumed by anyone, by rule or by grant.</p>
      ) : (
        <RolesTable roles={roles} revision={revision} editHref={(r) => `${listHref('/admin/accounts', list, { role: r.id })}#account-${r.accountId}`} />
      )}
      {open ? (
        <AccountForms acct={acct} revision={revision} editing={editing} />
      ) : (
        <p className="account-more"><a href={`${listHref('/admin/accounts', list, { account: acct.id })}#account-${acct.id}`} data-testid={`account-open-${acct.id}`}>Add a role, or edit alias, region, colour</a></p>
      )}
    </section>
  );
}

/** AWS accounts and the roles Rolegate vends in them: the live config, with edits saved as new revisions. */
export default async function AccountsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requireAdminPage('/admin/accounts');
  const c = await getContainer();
  const params = await searchParams;
  const editRole = typeof params.role === 'string' ? params.role : undefined;
  const openAccount = typeof params.account === 'string' ? params.account : undefined;
  const isOpen = (a: AccountConfig) => a.id === openAccount || editRole?.startsWith(`${a.id}/`) === true;
  // One page of accounts (issue 15 §4: all 300 were 5 MB of HTML); an edit link opens its account's page.
  // 20, not 50: an account brings its roles (7 on average in a 300-account, 2,000-role catalogue), and
  // the App Router sends every row twice, as HTML and as RSC payload (~2 KB per role row in all).
  const list = listPage(c.config.accounts, parseListQuery(params), {
    size: ACCOUNTS_PAGE_SIZE,
    text: (a) => [a.id, a.alias, a.region, ...a.roles.map((r) => r.name)],
    focus: isOpen,
  });
  const rolesOf = (acct: AccountConfig) => acct.roles.flatMap((r) => c.config.roles.get(`${acct.id}/${r.name}`) ?? []);
  return (
    <AdminShell c={c} session={session}>
      <section className="admin">
        <h1>Accounts and roles</h1>
        <p className="muted">
          Session policies and managed policy ARNs scope down every session of the role. Changes here are saved as a new config
          revision (see <a href="/admin/config">Config</a>), validated exactly like the config file.
        </p>
        <ListPager path="/admin/accounts" list={list} noun="account" testId="accounts-pager" />
        {list.items.map((acct) => <Account key={acct.id} acct={acct} roles={rolesOf(acct)} revision={c.configRevision} editRole={editRole} open={isOpen(acct)} list={list} />)}
        <section className="card account preview-card">
          <header className="account-header"><h2>Add an AWS account</h2></header>
          <AddAccountForm basedOn={c.configRevision} />
        </section>
      </section>
    </AdminShell>
  );
}
