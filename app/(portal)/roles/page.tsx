import { redirect } from 'next/navigation';
import { AppShell } from '@/app/components/app-shell';
import { isAdmin } from '@/lib/core/policy/admin';
import { heldRoles } from '@/lib/core/issuance/held-roles';
import { encodeCatalogue } from '@/lib/core/picker/encode';
import { getContainer } from '@/lib/server/container';
import { quickRoleIds } from '@/lib/server/quick-roles';
import { currentSession } from '@/lib/server/session';
import { FavouritesProvider } from './quick-roles';
import { RolePicker } from './role-picker';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Roles' };

export const dynamic = 'force-dynamic';

export default async function RolesPage() {
  const c = await getContainer();
  const session = await currentSession();
  if (!session) redirect('/signin');
  // Rule roles plus roles of grants active right now, read from the database on every render; sent in the
  // picker's compact wire shape (issue 15 §4), not as full role objects.
  const held = await heldRoles(c.issuance, session.claims, session.user.id);
  const catalogue = encodeCatalogue(held, c.now());
  const idpName = c.config.idps.find((i) => i.id === session.idpId)?.name ?? c.config.samlConnections.find((s) => s.id === session.idpId)?.name ?? session.idpId;
  const user = { email: session.user.email ?? undefined, name: session.user.name ?? undefined, idpName, admin: isAdmin(session.claims, c.config.admins) };
  return (
    <AppShell demo={c.env.demo} user={user}>
      <FavouritesProvider initial={await quickRoleIds(c, session.user.id, held)}>
        <RolePicker catalogue={catalogue} groups={session.claims.groups} />
      </FavouritesProvider>
    </AppShell>
  );
}
