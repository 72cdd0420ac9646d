'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { postJson, type PostError } from '@/app/components/post-json';
import { ErrorAlert } from '@/app/components/error-alert';
import { useHydrated } from '@/app/components/use-hydrated';

export interface GrantFormProps {
  roles: { id: string; label: string }[];
  users: { id: string; label: string }[];
  /** IdPs and SAML connections: an email grant names the one that verifies the email. */
  idps: { id: string; label: string }[];
  maxDays: number;
}

/** datetime-local (the admin's own time zone) → ISO; blank stays blank. */
const toIso = (local: FormDataEntryValue | null): string | undefined => (typeof local === 'string' && local ? new Date(local).toISOString() : undefined);
const text = (v: FormDataEntryValue | null): string => (typeof v === 'string' ? v : '');

/** Request a grant: to a known user, or to an email not seen yet; from a start, to an end or for a duration. */
export function GrantForm({ roles, users, idps, maxDays }: GrantFormProps) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();
  const [error, setError] = useState<PostError | null>(null);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const userId = text(f.get('userId'));
    const hours = text(f.get('durationHours'));
    const body = {
      roleId: text(f.get('roleId')),
      ...(userId ? { userId } : { email: text(f.get('email')), emailIdp: text(f.get('emailIdp')) }),
      reason: text(f.get('reason')),
      startsAt: toIso(f.get('startsAt')),
      endsAt: toIso(f.get('endsAt')),
      durationMinutes: hours && !f.get('endsAt') ? Math.round(Number(hours) * 60) : undefined,
      requiredApprovals: Number(text(f.get('requiredApprovals')) || '0'),
    };
    setBusy(true);
    setError(null);
    const err = await postJson('/api/admin/grants', body);
    setBusy(false);
    if (err) return setError(err);
    form.reset();
    router.refresh();
  }

  return (
    <form className="grant-form" onSubmit={(e) => void submit(e)} data-testid="grant-form">
      <label>
        Known user
        <select name="userId" className="select" data-testid="grant-user" defaultValue="">
          <option value="">— by email (below) —</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>{u.label}</option>
          ))}
        </select>
      </label>
      <label>
        Email (matches only a verified email)
        <input name="email" type="email" className="input" data-testid="grant-email" placeholder="vendor@example.com" autoComplete="off" />
      </label>
      <label>
        …verified by
        <select name="emailIdp" className="select" data-testid="grant-email-idp" defaultValue="">
          <option value="">— pick the IdP —</option>
          {idps.map((i) => (
            <option key={i.id} value={i.id}>{i.label} ({i.id})</option>
          ))}
        </select>
      </label>
      <label>
        Role
        <select name="roleId" className="select" data-testid="grant-role" required>
          {roles.map((r) => (
            <option key={r.id} value={r.id}>{r.label}</option>
          ))}
        </select>
      </label>
      <label>
        Start (blank: now)
        <input name="startsAt" type="datetime-local" className="input" data-testid="grant-start" />
      </label>
      <label>
        End
        <input name="endsAt" type="datetime-local" className="input" data-testid="grant-end" />
      </label>
      <label>
        …or duration in hours (max {maxDays} days)
        <input name="durationHours" type="number" min="0.1" step="0.1" className="input" data-testid="grant-hours" defaultValue="8" />
      </label>
      <label>
        Required approvals (0–5, by other admins)
        <input name="requiredApprovals" type="number" min="0" max="5" className="input" data-testid="grant-approvals" defaultValue="1" />
      </label>
      <label className="grant-reason">
        Reason
        <textarea name="reason" className="input" required maxLength={500} data-testid="grant-reason-input" placeholder="Ticket, incident or audit this access is for" />
      </label>
      <div className="grant-submit">
        <button type="submit" className="btn btn-primary" disabled={busy || !hydrated} data-testid="grant-submit">
          Request grant
        </button>
        {error && (
          <ErrorAlert error={error} testId="grant-form-error" />
        )}
      </div>
    </form>
  );
}
