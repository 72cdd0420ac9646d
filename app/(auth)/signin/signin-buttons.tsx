'use client';

import { useState } from 'react';
import { signIn } from 'next-auth/react';

export type IdpPreset = 'okta' | 'google' | 'entra' | 'generic';

export interface SigninIdp {
  id: string;
  name: string;
  preset: IdpPreset;
}

export interface SigninButtonsProps {
  idps: SigninIdp[];
  callbackUrl: string;
}

const PRESET_LETTER: Record<Exclude<IdpPreset, 'generic'>, string> = {
  okta: 'O',
  google: 'G',
  entra: 'M',
};

/** One button per upstream IdP. `prompt=login` makes the IdP ask again instead of silently reusing its session. */
export function SigninButtons({ idps, callbackUrl }: SigninButtonsProps) {
  const [pendingId, setPendingId] = useState<string | null>(null);

  if (idps.length === 0) {
    return (
      <p className="alert" role="alert">
        No identity provider is configured. An administrator has to add one.
      </p>
    );
  }

  return (
    <ul className="idp-list">
      {idps.map((idp) => (
        <li key={idp.id}>
          <button
            type="button"
            className="btn btn-lg"
            data-testid={`signin-${idp.id}`}
            disabled={pendingId !== null}
            aria-busy={pendingId === idp.id}
            onClick={() => {
              setPendingId(idp.id);
              signIn(idp.id, { callbackUrl }, { prompt: 'login' }).catch(() => setPendingId(null));
            }}
          >
            <IdpBadge idp={idp} />
            <span>{`Sign in with ${idp.name}`}</span>
            {pendingId === idp.id && (
              <span className="spinner" aria-hidden="true" style={{ marginLeft: 'auto' }} />
            )}
          </button>
        </li>
      ))}
    </ul>
  );
}

function IdpBadge({ idp }: { idp: SigninIdp }) {
  const letter =
    idp.preset === 'generic'
      ? idp.name.trim().charAt(0).toUpperCase() || '?'
      : PRESET_LETTER[idp.preset];
  return (
    <span className={`idp-badge idp-${idp.preset}`} aria-hidden="true">
      {letter}
    </span>
  );
}
