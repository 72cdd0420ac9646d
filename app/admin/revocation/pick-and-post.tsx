'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { postJson, type PostError } from '@/app/components/post-json';
import { ErrorAlert } from '@/app/components/error-alert';

export interface PickOption {
  id: string;
  label: string;
}

export interface PickAndPostProps {
  /** The select's label and the body field the chosen id is posted as. */
  label: string;
  field: 'userId' | 'roleId';
  options: PickOption[];
  /** One button per action on the chosen item. */
  /** `confirm` and `done` are texts in which `{item}` stands for the chosen label (props cross to the client as data). */
  actions: { url: string; text: string; confirm: string; done: string; testId: string }[];
  testId: string;
}

/** Pick a user or a role, then run an admin action on it after a confirmation; the server decides. */
export function PickAndPost({ label, field, options, actions, testId }: PickAndPostProps) {
  const router = useRouter();
  const [id, setId] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<PostError | null>(null);

  async function run(action: PickAndPostProps['actions'][number]) {
    const chosen = options.find((o) => o.id === id)?.label ?? id;
    const fill = (text: string) => text.replace('{item}', chosen);
    if (!window.confirm(fill(action.confirm))) return;
    setBusy(true);
    setError(null);
    setResult(null);
    const err = await postJson(action.url, { [field]: id });
    setBusy(false);
    if (err) setError(err);
    else {
      setResult(fill(action.done));
      router.refresh();
    }
  }

  return (
    <div className="lockdown-form">
      <label>
        {label}
        <select className="input" value={id} onChange={(e) => setId(e.target.value)} data-testid={`${testId}-select`}>
          <option value="">— choose —</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>{o.label}</option>
          ))}
        </select>
      </label>
      {actions.map((a) => (
        <button key={a.url} type="button" className="btn btn-danger" disabled={busy || !id} data-testid={a.testId} onClick={() => void run(a)}>
          {a.text}
        </button>
      ))}
      {result && <p className="muted" role="status" data-testid={`${testId}-result`}>{result}</p>}
      {error && <ErrorAlert error={error} testId={`${testId}-error`} />}
    </div>
  );
}
