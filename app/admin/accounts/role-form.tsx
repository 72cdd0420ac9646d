'use client';

import { ConfigEditForm, listField } from '../config-edit';

export interface RoleFields {
  accountId: string;
  name: string;
  description?: string;
  region?: string;
  maxSessionDuration: number;
  delivery: 'web-identity' | 'saml';
  sessionTags: Record<string, string>;
  sessionPolicy?: string;
  managedPolicyArns?: string[];
  requestable: boolean;
}

/** The role fields of a form as a role edit (tags as `key=value` lines; empty optional fields left out). */
function roleOf(f: FormData) {
  const text = (name: string) => String(f.get(name) ?? '').trim();
  const tags = Object.fromEntries(listField(f, 'sessionTags').map((line) => [line.split('=')[0]?.trim() ?? '', line.slice(line.indexOf('=') + 1).trim()]));
  const arns = listField(f, 'managedPolicyArns');
  return {
    name: text('name'),
    ...(text('description') ? { description: text('description') } : {}),
    ...(text('region') ? { region: text('region') } : {}),
    maxSessionDuration: Number(text('maxSessionDuration') || '3600'),
    delivery: text('delivery') === 'saml' ? 'saml' : 'web-identity',
    sessionTags: tags,
    ...(text('sessionPolicy') ? { sessionPolicy: text('sessionPolicy') } : {}),
    ...(arns.length ? { managedPolicyArns: arns } : {}),
    requestable: f.get('requestable') === 'on',
  };
}

function RoleFieldset({ role }: { role?: RoleFields }) {
  return (
    <div className="edit-grid">
      <label>Role name (an existing name replaces that role)<input className="input mono" name="name" defaultValue={role?.name} readOnly={Boolean(role)} required data-testid="role-form-name" /></label>
      <label>Description<input className="input" name="description" defaultValue={role?.description} /></label>
      <label>
        Delivery
        <select className="input" name="delivery" defaultValue={role?.delivery ?? 'web-identity'} data-testid="role-form-delivery">
          <option value="web-identity">web identity (AssumeRoleWithWebIdentity)</option>
          <option value="saml">SAML (AssumeRoleWithSAML)</option>
        </select>
      </label>
      <label>Max session (seconds, 900–43200)<input className="input" name="maxSessionDuration" type="number" min={900} max={43200} defaultValue={role?.maxSessionDuration ?? 3600} data-testid="role-form-duration" /></label>
      <label>Region (empty: the account&apos;s)<input className="input" name="region" defaultValue={role?.region} /></label>
      <label>Session tags (key=claim, one per line)<textarea className="input mono" name="sessionTags" defaultValue={Object.entries(role?.sessionTags ?? {}).map(([k, v]) => `${k}=${v}`).join('\n')} /></label>
      <label>Session policy (JSON, at most 2,048 characters)<textarea className="input mono" name="sessionPolicy" defaultValue={role?.sessionPolicy} data-testid="role-form-policy" /></label>
      <label>…or managed policy ARNs (one per line, at most 10)<textarea className="input mono" name="managedPolicyArns" defaultValue={role?.managedPolicyArns?.join('\n')} /></label>
      <label className="check"><input type="checkbox" name="requestable" defaultChecked={role?.requestable} data-testid="role-form-requestable" /> Users may request it (admins approve)</label>
    </div>
  );
}

/** Add a role to an account, or change one (same name). */
export function RoleForm({ basedOn, accountId, role }: { basedOn: number; accountId: string; role?: RoleFields }) {
  return (
    <ConfigEditForm key={role?.name ?? 'new'} basedOn={basedOn} toEdit={(f) => ({ op: 'putRole', accountId, role: roleOf(f) })} submitLabel={role ? `Save role ${role.name}` : 'Add role'} testId={`role-form-${accountId}`}>
      <RoleFieldset role={role} />
    </ConfigEditForm>
  );
}

/** A new AWS account with its first role. */
export function AddAccountForm({ basedOn }: { basedOn: number }) {
  const toEdit = (f: FormData) => {
    const colour = String(f.get('colour') ?? '').trim();
    return {
      op: 'addAccount',
      account: { id: String(f.get('accountId') ?? '').trim(), alias: String(f.get('alias') ?? '').trim(), partition: String(f.get('partition') ?? 'aws'), region: String(f.get('accountRegion') ?? '').trim(), ...(colour ? { colour } : {}) },
      role: roleOf(f),
    };
  };
  return (
    <ConfigEditForm basedOn={basedOn} toEdit={toEdit} submitLabel="Add account" testId="account-add">
      <div className="edit-grid">
        <label>Account id (12 digits)<input className="input mono" name="accountId" required data-testid="account-add-id" /></label>
        <label>Alias<input className="input" name="alias" required data-testid="account-add-alias" /></label>
        <label>
          Partition
          <select className="input" name="partition" defaultValue="aws"><option value="aws">aws</option><option value="aws-us-gov">aws-us-gov</option><option value="aws-cn">aws-cn</option></select>
        </label>
        <label>Default region<input className="input" name="accountRegion" required data-testid="account-add-region" /></label>
        <label>Colour (#rrggbb)<input className="input mono" name="colour" /></label>
      </div>
      <p className="muted">Its first role:</p>
      <RoleFieldset />
    </ConfigEditForm>
  );
}
