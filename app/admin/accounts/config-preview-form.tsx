'use client';

import { useState } from 'react';

interface Change {
  section: string;
  id: string;
  kind: 'added' | 'removed' | 'changed';
  fields?: string[];
}

/** Paste a config file, see what importing it would change against the live config (nothing is written). */
export function ConfigPreviewForm() {
  const [yaml, setYaml] = useState('');
  const [changes, setChanges] = useState<Change[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function preview() {
    setChanges(null);
    setProblem(null);
    const res = await fetch('/api/admin/config/preview', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ yaml }), cache: 'no-store' }).catch(() => null);
    const body = (await res?.json().catch(() => null)) as { changes?: Change[]; error?: { message?: string; detail?: string } } | null;
    if (res?.ok && body?.changes) setChanges(body.changes);
    else setProblem(body?.error?.detail ?? body?.error?.message ?? 'Rolegate could not be reached.');
  }

  return (
    <div className="preview-form">
      <label className="preview-claims">
        Preview an import: paste a config file (YAML)
        <textarea className="input mono" value={yaml} onChange={(e) => setYaml(e.target.value)} data-testid="config-yaml" />
      </label>
      <button className="btn btn-primary" type="button" disabled={!yaml} onClick={() => void preview()} data-testid="config-preview">Preview changes</button>
      {problem && <pre className="alert" role="alert" data-testid="config-problems">{problem}</pre>}
      {changes && changes.length === 0 && <p className="muted" data-testid="config-no-changes">No changes: this file is the live config.</p>}
      {changes && changes.length > 0 && (
        <ul className="preview-list" data-testid="config-changes">
          {changes.map((c) => (
            <li key={`${c.section}/${c.id}`} data-testid="config-change">
              <strong>{c.kind}</strong> {c.section} <span className="mono">{c.id}</span>
              {c.fields && <span className="muted"> ({c.fields.join(', ')})</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
