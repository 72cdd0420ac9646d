'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { postJson, type PostError } from '@/app/components/post-json';
import { ErrorAlert } from '@/app/components/error-alert';

/** The lock-down switch. Turning it on asks for a reason and a confirmation; the server decides. */
export function LockdownForm({ enabled }: { enabled: boolean }) {
  const router = useRouter();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<PostError | null>(null);

  async function submit(next: boolean) {
    if (next && !window.confirm('Stop every issuance for everyone except break-glass admins?')) return;
    setBusy(true);
    setError(null);
    const err = await postJson('/api/admin/lockdown', next ? { enabled: true, reason } : { enabled: false });
    setBusy(false);
    if (err) setError(err);
    else {
      setReason('');
      router.refresh();
    }
  }

  return (
    <div className="lockdown-form">
      {enabled ? (
        <button type="button" className="btn btn-primary" disabled={busy} data-testid="lockdown-disable" onClick={() => void submit(false)}>
          End lock-down
        </button>
      ) : (
        <>
          <label>
            Reason (shown to everyone in the banner)
            <input className="input" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} placeholder="Incident INC-123: suspected credential leak" data-testid="lockdown-reason" />
          </label>
          <button type="button" className="btn btn-danger" disabled={busy} data-testid="lockdown-enable" onClick={() => void submit(true)}>
            Lock down issuance
          </button>
        </>
      )}
      {error && <ErrorAlert error={error} testId="lockdown-error" />}
    </div>
  );
}
