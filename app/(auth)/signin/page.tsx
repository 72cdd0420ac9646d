import { redirect } from 'next/navigation';
import { AppShell } from '@/app/components/app-shell';
import { getContainer } from '@/lib/server/container';
import { safeReturnPath } from '@/lib/server/return-path';
import { currentSession } from '@/lib/server/session';
import { SigninButtons } from './signin-buttons';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Sign in' };

export const dynamic = 'force-dynamic';

export default async function SigninPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const c = await getContainer();
  const params = await searchParams;
  const callbackUrl = safeReturnPath(params.callbackUrl);
  // After single logout (issue 13 §5): our session ended, and the IdP was asked to end its own.
  const signedOutAtIdp = params.signedOut === 'idp';
  if (await currentSession()) redirect(callbackUrl);
  const idps = [
    ...c.config.idps.filter((i) => !i.disabled).map((i) => ({ id: i.id, name: i.name, preset: i.preset, kind: 'oidc' as const })),
    ...c.config.samlConnections.filter((s) => !s.disabled).map((s) => ({ id: s.id, name: s.name, preset: s.preset === 'generic' ? ('generic' as const) : s.preset, kind: 'saml' as const })),
  ];
  return (
    <AppShell demo={c.env.demo}>
      <section className="signin">
        <h1>Sign in to AWS</h1>
        {signedOutAtIdp && (
          <p role="status" data-testid="signed-out-idp">
            You are signed out of Rolegate, and your identity provider was asked to end its session too.
          </p>
        )}
        <p className="muted">Choose your organisation’s identity provider. Rolegate gives you short-lived credentials for the AWS roles your groups allow.</p>
        <SigninButtons idps={idps} callbackUrl={callbackUrl} />
      </section>
    </AppShell>
  );
}
