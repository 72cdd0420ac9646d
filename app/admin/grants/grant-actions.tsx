'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { postJson, type PostError } from '@/app/components/post-json';
import { ErrorAlert } from '@/app/components/error-alert';

/**
 * Approve / Reject / Revoke for one grant. Buttons are shown only when the server said this admin may use
 * them, but the server checks again on every click (a hidden button is no authorisation).
 */
export function GrantActions({ grantId, canDecide, canRevoke }: { grantId: string; canDecide: boolean; canRevoke: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<PostError | null>(null);

  async function act(path: 'decide' | 'revoke', body: object) {
    setBusy(true);
    setError(null);
    const err = await postJson(`/api/admin/grants/${path}`, { grantId, ...body });
    setBusy(false);
    if (err) setError(err);
    else router.refresh();
  }

  if (!canDecide && !canRevoke) return null;
  return (
    <div className="grant-actions">
      {canDecide && (
        <>
          <button type="button" className="btn btn-sm btn-primary" disabled={busy} data-testid="grant-approve" onClick={() => void act('decide', { decision: 'approve' })}>
            Approve
          </button>
          <button type="button" className="btn btn-sm" disabled={busy} data-testid="grant-reject" onClick={() => void act('decide', { decision: 'reject' })}>
            Reject
          </button>
        </>
      )}
      {canRevoke && (
        <button type="button" className="btn btn-sm" disabled={busy} data-testid="grant-revoke" onClick={() => void act('revoke', {})}>
          Revoke
        </button>
      )}
      {error && (
        <ErrorAlert error={error} testId="grant-error" />
      )}
    </div>
  );
}
