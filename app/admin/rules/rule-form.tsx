'use client';

import type { RoleOption } from '@/lib/core/admin/role-choices';
import type { RuleConfig } from '@/lib/core/config/schema';
import { ConfigEditForm, listField } from '../config-edit';
import { RoleChecklist } from './role-checklist';

/** Add a rule, or replace the rule with the same id (a `putRule` edit, validated like the config file). */
export function RuleForm({ basedOn, roles, rule }: { basedOn: number; roles: RoleOption[]; rule?: RuleConfig }) {
  const toEdit = (f: FormData) => {
    const idps = listField(f, 'idps');
    const description = String(f.get('description') ?? '').trim();
    return {
      op: 'putRule',
      rule: {
        id: String(f.get('id') ?? '').trim(),
        ...(description ? { description } : {}),
        ...(idps.length ? { idps } : {}),
        groups: listField(f, 'groups'),
        emails: listField(f, 'emails'),
        emailDomains: listField(f, 'emailDomains'),
        roles: f.getAll('roles').map(String),
        disabled: rule?.disabled ?? false,
      },
    };
  };
  return (
    <ConfigEditForm key={rule?.id ?? 'new'} basedOn={basedOn} toEdit={toEdit} submitLabel={rule ? `Save rule ${rule.id}` : 'Add rule'} testId="rule-form">
      <div className="edit-grid">
        <label>Id (an existing id replaces that rule)<input className="input mono" name="id" defaultValue={rule?.id} required data-testid="rule-id" /></label>
        <label>Description<input className="input" name="description" defaultValue={rule?.description} /></label>
        <label>IdPs (empty: any)<input className="input mono" name="idps" defaultValue={rule?.idps?.join(', ')} data-testid="rule-idps" /></label>
        <label>Groups (globs, comma or line separated)<textarea className="input mono" name="groups" defaultValue={rule?.groups.join('\n')} data-testid="rule-groups" /></label>
        <label>Emails<textarea className="input mono" name="emails" defaultValue={rule?.emails.join('\n')} data-testid="rule-emails" /></label>
        <label>Email domains<textarea className="input mono" name="emailDomains" defaultValue={rule?.emailDomains.join('\n')} data-testid="rule-domains" /></label>
      </div>
      <RoleChecklist roles={roles} initial={rule?.roles ?? []} />
    </ConfigEditForm>
  );
}
