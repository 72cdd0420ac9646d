import { redirect } from 'next/navigation';
import { AppShell } from '@/app/components/app-shell';
import { isAdmin } from '@/lib/core/policy/admin';
import { getContainer } from '@/lib/server/container';
import { loadDevicePage } from '@/lib/server/oauth/device-page';
import { currentSession } from '@/lib/server/session';
import { DeviceView } from './device-view';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Approve a device' };

export const dynamic = 'force-dynamic';

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

/** /device: the signed-in user enters (or arrives with) a CLI's user code and approves or denies it. */
export default async function DevicePage({ searchParams }: { searchParams: Promise<Params> }) {
  const c = await getContainer();
  const params = await searchParams;
  const typed = one(params.user_code)?.slice(0, 32);
  const session = await currentSession();
  if (!session) redirect(`/signin?callbackUrl=${encodeURIComponent(typed ? `/device?user_code=${typed}` : '/device')}`);
  const view = await loadDevicePage(c.oauth, c.limits.deviceLookup, session.user.id, typed);
  const idpName = c.config.idps.find((i) => i.id === session.idpId)?.name ?? c.config.samlConnections.find((s) => s.id === session.idpId)?.name ?? session.idpId;
  const user = { email: session.user.email ?? undefined, name: session.user.name ?? undefined, idpName, admin: isAdmin(session.claims, c.config.admins) };
  return (
    <AppShell demo={c.env.demo} user={user}>
      <DeviceView view={view} result={one(params.result)} now={c.now()} typed={typed} loginHours={c.config.cli.refreshMaxHours} />
    </AppShell>
  );
}
