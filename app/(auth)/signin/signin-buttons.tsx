'use client';

import { useState } from 'react';
import { signIn } from 'next-auth/react';

export type IdpPreset = 'okta' | 'google' | 'entra' | 'generic' | 'adfs' | 'shibboleth' | 'pingfederate' | 'keycloak' | 'onelogin' | 'jumpcloud';

export interface SigninIdp {
  id: string;
  name: string;
  preset: IdpPreset;
  /** OIDC IdPs go through next-auth; SAML connections start at Rolegate's SP login route. */
  kind: 'oidc' | 'saml';
}

export interface SigninButtonsProps {
  idps: SigninIdp[];
  callbackUrl: string;
}

const PRESET_LETTER: Record<Exclude<IdpPreset, 'generic'>, string> = {
  okta: 'O',
  google: 'G',
  entra: 'M',
  adfs: 'A',
  shibboleth: 'S',
  pingfederate: 'P',
  keycloak: 'K',
  // Okta has the O; OneLogin's mark is a 1.
  onelogin: '1',
  jumpcloud: 'J',
};

function start(idp: SigninIdp, callbackUrl: string): Promise<unknown> {
  if (idp.kind === 'saml') {
    window.location.assign(`/saml/${encodeURIComponent(idp.id)}/login`);
    return Promise.resolve();
  }
  return signIn(idp.id, { callbackUrl }, { prompt: 'login' });
}

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
              start(idp, callbackUrl).catch(() => setPendingId(null));
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
