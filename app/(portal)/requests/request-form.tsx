'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { postJsonFor, refusalText } from '@/app/components/post-json';
import { useHydrated } from '@/app/components/use-hydrated';

/** Ask for a requestable role for a few hours, with a reason; admins approve it on their grants page. */
export function RequestForm({ roles, maxHours }: { roles: Array<{ id: string; label: string }>; maxHours: number }) {
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const hydrated = useHydrated();
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSent(false);
    const f = new FormData(e.currentTarget);
    const body = { roleId: String(f.get('roleId') ?? ''), hours: Number(f.get('hours') ?? 0), reason: String(f.get('reason') ?? '') };
    const result = await postJsonFor('/api/access-requests', body);
    if (!result.ok) return setProblem(refusalText(result.refusal));
    setProblem(null);
    setSent(true);
    router.refresh();
  }
  if (roles.length === 0) return <p className="muted lockdown-body" data-testid="request-none">No other role is open to requests here: ask an administrator.</p>;
  return (
    <form className="preview-form" onSubmit={(e) => void submit(e)} data-testid="request-form">
      <label>
        Role
        <select className="input" name="roleId" data-testid="request-role">
          {roles.map((r) => <option key={r.id} value={r.id}>{r.label}</option>)}
        </select>
      </label>
      <label>For how many hours (at most {maxHours})<input className="input" name="hours" type="number" min={0.25} max={maxHours} step={0.25} defaultValue={1} data-testid="request-hours" /></label>
      <label className="preview-claims">Why (the approvers see this)<textarea className="input" name="reason" required maxLength={500} data-testid="request-reason" /></label>
      <button className="btn btn-primary" type="submit" disabled={!hydrated} data-testid="request-submit">Request access</button>
      {problem && <p className="alert" role="alert" data-testid="request-problem">{problem}</p>}
      {sent && <p role="status" data-testid="request-sent">Sent. An administrator has to approve it; the role then shows on your roles page.</p>}
    </form>
  );
}
