'use client';

import { useEffect, useState } from 'react';
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
import { ErrorAlert } from '@/app/components/error-alert';

export type Rendered = { ok: true; text: string } | { ok: false; message: string; code: string };

/** The selected format's text (or why it cannot be produced) with Copy and Download. */
export function KeysOutput({ format, rendered }: { format: CredentialFormat; rendered: Rendered }) {
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
          <ErrorAlert error={rendered} testId="format-error" />
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

/** One format's text, or the typed reason this format cannot carry these keys. */
export function render(
  format: CredentialFormat,
  creds: Credentials,
  role: IssuedKeys['role'],
): Rendered {
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
