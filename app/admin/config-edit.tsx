'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent, type ReactNode } from 'react';
import { postJsonFor, refusalText } from '@/app/components/post-json';
import { useHydrated } from '@/app/components/use-hydrated';

/** One admin-page edit of the config (POST /api/admin/config/edit), made against the revision the page showed. */
export async function postConfigEdit(basedOn: number, edit: unknown, extra: Record<string, unknown> = {}): Promise<string | null> {
  const result = await postJsonFor('/api/admin/config/edit', { ...extra, basedOn, edit });
  return result.ok ? null : refusalText(result.refusal);
}

/** A button that applies one edit, then reloads the page's data; a refusal is shown next to it. */
export function ConfigEditButton({ basedOn, edit, label, testId, danger, confirmText }: { basedOn: number; edit: unknown; label: string; testId: string; danger?: boolean; confirmText?: string }) {
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run() {
    if (confirmText && !window.confirm(confirmText)) return;
    setBusy(true);
    const error = await postConfigEdit(basedOn, edit);
    setBusy(false);
    setProblem(error);
    if (!error) router.refresh();
  }
  return (
    <span className="config-edit">
      <button type="button" className={`btn btn-small${danger ? ' btn-danger' : ''}`} disabled={busy} onClick={() => void run()} data-testid={testId}>{label}</button>
      {problem && <span className="alert" role="alert" data-testid={`${testId}-problem`}>{problem}</span>}
    </span>
  );
}

/** A form whose fields become one edit (`toEdit`, plus body fields from `extra`); applied like ConfigEditButton. */
export function ConfigEditForm({ basedOn, toEdit, extra, submitLabel, testId, children }: { basedOn: number; toEdit: (form: FormData) => unknown; extra?: (form: FormData) => Record<string, unknown>; submitLabel: string; testId: string; children: ReactNode }) {
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const hydrated = useHydrated();
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setDone(false);
    const form = new FormData(e.currentTarget);
    const error = await postConfigEdit(basedOn, toEdit(form), extra?.(form));
    setProblem(error);
    if (!error) {
      setDone(true);
      router.refresh();
    }
  }
  return (
    <form className="preview-form" onSubmit={(e) => void submit(e)} data-testid={testId}>
      {children}
      <button className="btn btn-primary" type="submit" disabled={!hydrated} data-testid={`${testId}-submit`}>{submitLabel}</button>
      {problem && <pre className="alert" role="alert" data-testid={`${testId}-problem`}>{problem}</pre>}
      {done && <p className="muted" role="status" data-testid={`${testId}-done`}>Saved as a new config revision.</p>}
    </form>
  );
}

/** Splits a textarea or input of items separated by commas or new lines. */
export function listField(form: FormData, name: string): string[] {
  return String(form.get(name) ?? '').split(/[\n,]/).map((s) => s.trim()).filter(Boolean);
}
