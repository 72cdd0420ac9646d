'use client';

import { useState } from 'react';
import { signOut } from 'next-auth/react';

/** Ends the Rolegate session (not the upstream IdP's) and returns to the sign-in page. */
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
        void signOut({ callbackUrl: '/signin' });
      }}
    >
      {pending ? 'Signing out…' : 'Sign out'}
    </button>
  );
}
