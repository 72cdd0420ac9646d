'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { postJsonFor, refusalText } from '@/app/components/post-json';

interface Change {
  section: string;
  id: string;
  kind: 'added' | 'removed' | 'changed';
  fields?: string[];
}
interface Answer {
  revision?: number;
  changes?: Change[];
}

const UNREADABLE = 'Rolegate accepted the request but its answer could not be read: reload the page.';

/**
 * Import a config file: first the dry run (what would change against the live revision), then applying
 * exactly what was previewed, against the revision the preview was made on.
 */
export function ConfigImportForm() {
  const router = useRouter();
  const [yaml, setYaml] = useState('');
  const [preview, setPreview] = useState<{ revision: number; changes: Change[]; yaml: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [applied, setApplied] = useState<number | null>(null);

  async function dryRun() {
    setPreview(null);
    setProblem(null);
    setApplied(null);
    const result = await postJsonFor('/api/admin/config/preview', { yaml });
    if (!result.ok) return setProblem(refusalText(result.refusal));
    const body = result.body as Answer | null;
    if (body?.changes && body.revision !== undefined) setPreview({ revision: body.revision, changes: body.changes, yaml });
    else setProblem(UNREADABLE);
  }

  async function apply() {
    if (!preview) return;
    const result = await postJsonFor('/api/admin/config/apply', { yaml: preview.yaml, basedOn: preview.revision });
    setPreview(null);
    if (!result.ok) return setProblem(refusalText(result.refusal));
    const body = result.body as Answer | null;
    if (body?.revision !== undefined) {
      setApplied(body.revision);
      router.refresh();
    } else setProblem(UNREADABLE);
  }

  return (
    <div className="preview-form">
      <label className="preview-claims">
        Import: paste a config file (YAML)
        <textarea className="input mono" value={yaml} onChange={(e) => { setYaml(e.target.value); setPreview(null); }} data-testid="config-yaml" />
      </label>
      <button className="btn" type="button" disabled={!yaml} onClick={() => void dryRun()} data-testid="config-preview">Preview changes</button>
      {problem && <pre className="alert" role="alert" data-testid="config-problems">{problem}</pre>}
      {applied !== null && <p role="status" data-testid="config-applied">Applied: revision {applied} is live.</p>}
      {preview && preview.changes.length === 0 && <p className="muted" data-testid="config-no-changes">No changes: this file is the live config (revision {preview.revision}).</p>}
      {preview && preview.changes.length > 0 && (
        <>
          <ul className="preview-list" data-testid="config-changes">
            {preview.changes.map((c) => (
              <li key={`${c.section}/${c.id}`} data-testid="config-change">
                <strong>{c.kind}</strong> {c.section} <span className="mono">{c.id}</span>
                {c.fields && <span className="muted"> ({c.fields.join(', ')})</span>}
              </li>
            ))}
          </ul>
          <button className="btn btn-primary" type="button" onClick={() => void apply()} data-testid="config-apply">
            Apply these {preview.changes.length} changes (revision {preview.revision} → {preview.revision + 1})
          </button>
        </>
      )}
    </div>
  );
}
