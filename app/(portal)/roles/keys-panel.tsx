'use client';

import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import {
  CREDENTIAL_FORMATS,
  formatCredentials,
  type CredentialFormat,
  type CredentialFormatInfo,
} from '@/lib/core/credentials';
import { profileNameFor } from '@/lib/core/aws/profile-name';
import { isGatewayError, publicView } from '@/lib/core/errors';
import type { Credentials } from '@/lib/core/types';
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

type Rendered = { ok: true; text: string } | { ok: false; message: string; code: string };

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

/** The selected format's text (or why it cannot be produced) with Copy and Download. */
function KeysOutput({ format, rendered }: { format: CredentialFormat; rendered: Rendered }) {
  const info = CREDENTIAL_FORMATS.find((f) => f.format === format);
  return (
    <>
      <div role="tabpanel" id="keys-tabpanel" aria-labelledby={`keys-tab-${format}`}>
        {rendered.ok ? (
          <pre
            className="keys-output"
            data-testid="keys-output"
            tabIndex={0}
            role="region"
            aria-label={`${info?.label ?? format} keys`}
          >
            {rendered.text}
          </pre>
        ) : (
          <div className="alert" role="alert" data-testid="format-error">
            <span>{rendered.message}</span>
            <code>{rendered.code}</code>
          </div>
        )}
      </div>
      <div className="panel-actions">
        <CopyButton text={rendered.ok ? rendered.text : null} />
        <button
          type="button"
          className="btn btn-sm"
          data-testid="download"
          disabled={!rendered.ok || !info}
          onClick={(e) => rendered.ok && info && download(e.currentTarget, rendered.text, info)}
        >
          Download {info?.fileName}
        </button>
      </div>
    </>
  );
}

function render(format: CredentialFormat, creds: Credentials, role: IssuedKeys['role']): Rendered {
  const profile = profileNameFor(role);
  try {
    return { ok: true, text: formatCredentials(format, creds, { region: role.region, profile }) };
  } catch (e) {
    const view = publicView(e);
    const detail = isGatewayError(e) && e.publicDetail ? e.publicDetail : view.message;
    const message = detail.replace(/\.$/, '');
    return {
      ok: false,
      message: `This format cannot carry these keys: ${message}.`,
      code: view.code,
    };
  }
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

function CopyButton({ text }: { text: string | null }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const t = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(t);
  }, [state]);

  async function copy() {
    if (text === null) return;
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      // No clipboard API outside a secure context, or permission denied.
      setState('failed');
    }
  }
  const label =
    state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed — select the text' : 'Copy';
  return (
    <button
      type="button"
      className="btn btn-primary btn-sm"
      data-testid="copy"
      data-autofocus
      disabled={text === null}
      onClick={() => void copy()}
    >
      <span aria-live="polite">{label}</span>
    </button>
  );
}

/** Saves `text` through a short-lived object URL. The anchor lives inside the modal so it is not inert. */
function download(from: HTMLElement, text: string, info: CredentialFormatInfo) {
  const body = info.utf8Bom ? `\uFEFF${text}` : text;
  // Chrome appends ".txt" to text/* downloads whose name has no extension (`credentials`, `.env`).
  const type = /.\.\w+$/.test(info.fileName)
    ? `${info.mediaType};charset=utf-8`
    : 'application/octet-stream';
  const url = URL.createObjectURL(new Blob([body], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = info.fileName;
  a.hidden = true;
  (from.closest('dialog') ?? document.body).append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function Expiry({ expiration }: { expiration: string }) {
  const expiresAt = Date.parse(expiration);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  if (Number.isNaN(expiresAt))
    return (
      <p className="expiry" data-testid="expiry">
        Expiry unknown
      </p>
    );
  const left = Math.max(0, Math.floor((expiresAt - now) / 1000));
  const tone = left === 0 ? ' expiry-over' : left < 300 ? ' expiry-soon' : '';
  return (
    <p
      className={`expiry${tone}`}
      data-testid="expiry"
      role="timer"
      title={new Date(expiresAt).toLocaleString()}
    >
      {left === 0 ? 'Expired' : `Expires in ${clock(left)}`}
    </p>
  );
}

/** 3588 → "59:48"; 43188 → "11:59:48". */
function clock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const mm = String(Math.floor((seconds % 3600) / 60)).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
