'use client';

import { useState } from 'react';

/**
 * Ends the Rolegate session and returns to the sign-in page. A SAML session whose IdP takes single logout
 * (issue 13 §5) is ended by /saml/logout, which answers the IdP URL carrying our signed LogoutRequest; any
 * other session (or a failure there) signs out locally through next-auth.
 */
async function signOutEverywhere(): Promise<void> {
  try {
    const res = await fetch('/saml/logout', { method: 'POST', headers: { Accept: 'application/json' } });
    const body: unknown = res.ok ? await res.json() : null;
    const redirect = body && typeof body === 'object' ? (body as { redirect?: unknown }).redirect : undefined;
    if (typeof redirect === 'string') {
      window.location.assign(redirect);
      return;
    }
  } catch {
    // Fall through: the local sign-out below always works.
  }
  // Loaded on click: next-auth's client is ~21 KiB gzipped of every signed-in page's first load (issue 15 §4).
  const { signOut } = await import('next-auth/react');
  await signOut({ callbackUrl: '/signin' });
}

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className="btn btn-sm"
      data-testid="sign-out"
      disabled={pending}
      aria-busy={pending}
      onClick={() => {
        setPending(true);
        void signOutEverywhere();
      }}
    >
      {pending ? 'Signing out…' : 'Sign out'}
    </button>
  );
}
