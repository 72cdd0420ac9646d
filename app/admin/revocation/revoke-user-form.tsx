'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { postJson, type PostError } from '../post-json';

export interface KnownUser {
  id: string;
  label: string;
}

/** Pick a user and end their portal sessions and CLI logins at once (after a confirmation). */
export function RevokeUserForm({ users }: { users: KnownUser[] }) {
  const router = useRouter();
  const [userId, setUserId] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<PostError | null>(null);

  async function submit() {
    const who = users.find((u) => u.id === userId)?.label ?? userId;
    if (!window.confirm(`End every Rolegate session and CLI login of ${who} now?`)) return;
    setBusy(true);
    setError(null);
    setResult(null);
    const err = await postJson('/api/admin/revocation/users', { userId });
    setBusy(false);
    if (err) setError(err);
    else {
      setResult(`${who}: sessions and CLI logins ended.`);
      router.refresh();
    }
  }

  return (
    <div className="lockdown-form">
      <label>
        User
        <select className="input" value={userId} onChange={(e) => setUserId(e.target.value)} data-testid="revoke-user-select">
          <option value="">— choose —</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>{u.label}</option>
          ))}
        </select>
      </label>
      <button type="button" className="btn btn-danger" disabled={busy || !userId} data-testid="revoke-user-submit" onClick={() => void submit()}>
        Revoke sessions and CLI logins
      </button>
      {result && <p className="muted" role="status" data-testid="revoke-user-result">{result}</p>}
      {error && <p className="alert" role="alert" data-testid="revoke-user-error">{error.message} <code>{error.code}</code></p>}
    </div>
  );
}
