import { redirect } from 'next/navigation';
import { AppShell } from '@/app/components/app-shell';
import { getContainer } from '@/lib/server/container';
import { currentSession } from '@/lib/server/session';
import { SigninButtons } from './signin-buttons';

export const dynamic = 'force-dynamic';

export default async function SigninPage() {
  const c = await getContainer();
  if (await currentSession()) redirect('/roles');
  const idps = [
    ...c.config.idps.map((i) => ({ id: i.id, name: i.name, preset: i.preset, kind: 'oidc' as const })),
    ...c.config.samlConnections.map((s) => ({ id: s.id, name: s.name, preset: s.preset === 'generic' ? ('generic' as const) : s.preset, kind: 'saml' as const })),
  ];
  return (
    <AppShell demo={c.env.demo}>
      <section className="signin">
        <h1>Sign in to AWS</h1>
        <p className="muted">Choose your organisation’s identity provider. Rolegate gives you short-lived credentials for the AWS roles your groups allow.</p>
        <SigninButtons idps={idps} callbackUrl="/roles" />
      </section>
    </AppShell>
  );
}
