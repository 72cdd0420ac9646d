import type { ReactNode } from 'react';
import { AppShell } from '@/app/components/app-shell';
import type { Container } from '@/lib/server/container';
import type { ActiveSession } from '@/lib/server/ports';

/** The frame of every admin page: the signed-in admin, the IdP they came through, the admin links. */
export function AdminShell({ c, session, children }: { c: Container; session: ActiveSession; children: ReactNode }) {
  const idpName = c.config.idps.find((i) => i.id === session.idpId)?.name ?? c.config.samlConnections.find((s) => s.id === session.idpId)?.name ?? session.idpId;
  return (
    <AppShell demo={c.env.demo} user={{ email: session.user.email ?? undefined, name: session.user.name ?? undefined, idpName, admin: true }}>
      {children}
    </AppShell>
  );
}
