'use client';

import { ConfigEditForm } from '../config-edit';

/** Alias, default region and colour of one account (an `updateAccount` edit; an empty colour removes it). */
export function AccountForm({ basedOn, account }: { basedOn: number; account: { id: string; alias: string; region: string; colour?: string } }) {
  return (
    <ConfigEditForm
      basedOn={basedOn}
      submitLabel="Save account"
      testId={`account-form-${account.id}`}
      toEdit={(f) => ({ op: 'updateAccount', id: account.id, alias: String(f.get('alias') ?? ''), region: String(f.get('region') ?? ''), colour: String(f.get('colour') ?? '') || null })}
    >
      <div className="edit-grid">
        <label>Alias<input className="input" name="alias" defaultValue={account.alias} data-testid="account-alias" /></label>
        <label>Default region<input className="input" name="region" defaultValue={account.region} data-testid="account-region" /></label>
        <label>Colour (#rrggbb, empty for none)<input className="input mono" name="colour" defaultValue={account.colour ?? ''} data-testid="account-colour" /></label>
      </div>
    </ConfigEditForm>
  );
}
