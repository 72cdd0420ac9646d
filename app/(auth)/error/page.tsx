import { AppShell } from '@/app/components/app-shell';
import { isClientSafeCode, publicMessage } from '@/lib/core/errors';
import { getEnv } from '@/lib/config/env';
import { ErrorView } from './error-view';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Sign-in refused' };

export const dynamic = 'force-dynamic';

/** next-auth's own error codes, shown with a generic message (never any upstream text). */
const NEXT_AUTH_CODES = new Set(['Configuration', 'AccessDenied', 'Verification', 'OAuthSignin', 'OAuthCallback', 'OAuthCreateAccount', 'Callback', 'OAuthAccountNotLinked', 'SessionRequired', 'Default']);

export default async function ErrorPage({ searchParams }: { searchParams: Promise<{ error?: string | string[] }> }) {
  const raw = (await searchParams).error;
  const value = typeof raw === 'string' ? raw : '';
  const [code, message] = isClientSafeCode(value)
    ? [value, publicMessage(value)]
    : NEXT_AUTH_CODES.has(value)
      ? [value, 'Sign-in with your identity provider did not complete. Please try again.']
      : ['INTERNAL', publicMessage('INTERNAL')];
  return (
    <AppShell demo={getEnv().demo}>
      <ErrorView code={code} message={message} />
    </AppShell>
  );
}
