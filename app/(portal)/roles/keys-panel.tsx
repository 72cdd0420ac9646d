'use client';

import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { CREDENTIAL_FORMATS, type CredentialFormat } from '@/lib/core/credentials';
import type { Credentials } from '@/lib/core/types';
import { Expiry } from './keys-expiry';
import { KeysOutput, render } from './keys-output';
import type { IssuedKeys } from './role-view';

export interface KeysPanelProps {
  role: IssuedKeys['role'];
  credentials: Credentials;
  /** Called once the dialog has closed (close button, Escape or backdrop). The parent drops the credentials. */
  onClose: () => void;
}

/** Short tab captions; the module's longer label becomes the tooltip. */
const TAB_LABEL: Record<CredentialFormat, string> = {
  bash: 'bash',
  zsh: 'zsh',
  fish: 'fish',
  powershell: 'PowerShell',
  cmd: 'cmd',
  dotenv: '.env',
  ini: '~/.aws/credentials',
  json: 'JSON',
};

/** Side sheet showing one set of temporary keys in every supported format. Nothing here is persisted. */
export function KeysPanel({ role, credentials, onClose }: KeysPanelProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [format, setFormat] = useState<CredentialFormat>('bash');
  const rendered = useMemo(() => render(format, credentials, role), [format, credentials, role]);

  useEffect(() => {
    const dialog = dialogRef.current;
    // showModal() gives focus containment, inertness of the page and Escape-to-close for free.
    if (!dialog || dialog.open) return;
    dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, []);

  function closeOnBackdrop(e: MouseEvent<HTMLDialogElement>) {
    if (e.target !== e.currentTarget) return;
    const r = e.currentTarget.getBoundingClientRect();
    const inside =
      e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom;
    if (!inside) e.currentTarget.close();
  }

  return (
    <dialog
      ref={dialogRef}
      role="dialog"
      aria-modal="true"
      aria-labelledby="keys-title"
      className="panel"
      data-testid="keys-panel"
      onClose={onClose}
      onClick={closeOnBackdrop}
    >
      <div className="panel-head">
        <div>
          <h2 id="keys-title">
            Keys for {role.roleName} <span className="muted">· {role.accountAlias}</span>
          </h2>
          <p className="panel-arn mono" data-testid="keys-arn">
            {role.arn}
          </p>
        </div>
        <button
          type="button"
          className="btn btn-ghost btn-sm"
          onClick={() => dialogRef.current?.close()}
        >
          Close<span className="visually-hidden"> keys panel</span>
        </button>
      </div>
      <div className="panel-body">
        <Expiry expiration={credentials.expiration} />
        <FormatTabs value={format} onChange={setFormat} />
        <KeysOutput format={format} rendered={rendered} />
        <p className="panel-note">
          These temporary keys exist only in this page. Closing the panel clears them; Rolegate does
          not store them.
        </p>
      </div>
    </dialog>
  );
}

function FormatTabs({
  value,
  onChange,
}: {
  value: CredentialFormat;
  onChange: (f: CredentialFormat) => void;
}) {
  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    const i = CREDENTIAL_FORMATS.findIndex((f) => f.format === value);
    const next =
      CREDENTIAL_FORMATS[(i + step + CREDENTIAL_FORMATS.length) % CREDENTIAL_FORMATS.length];
    if (!next) return;
    onChange(next.format);
    document.getElementById(`keys-tab-${next.format}`)?.focus();
  }
  return (
    <div className="tabs" role="tablist" aria-label="Output format" onKeyDown={onKeyDown}>
      {CREDENTIAL_FORMATS.map((f) => (
        <button
          key={f.format}
          type="button"
          role="tab"
          id={`keys-tab-${f.format}`}
          className="tab"
          data-testid={`format-${f.format}`}
          aria-selected={f.format === value}
          aria-controls="keys-tabpanel"
          tabIndex={f.format === value ? 0 : -1}
          title={f.label}
          onClick={() => onChange(f.format)}
        >
          {TAB_LABEL[f.format]}
        </button>
      ))}
    </div>
  );
}
