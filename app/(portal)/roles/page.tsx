import { redirect } from 'next/navigation';
import { AppShell } from '@/app/components/app-shell';
import { isAdmin } from '@/lib/core/policy/admin';
import { heldRoles } from '@/lib/core/issuance/held-roles';
import { remainingText } from '@/lib/core/policy/grants';
import { getContainer } from '@/lib/server/container';
import { quickRoleIds } from '@/lib/server/quick-roles';
import { currentSession } from '@/lib/server/session';
import { FavouritesProvider } from './quick-roles';
import { RolePicker } from './role-picker';
import type { RoleView } from './role-view';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Roles' };

export const dynamic = 'force-dynamic';

export default async function RolesPage() {
  const c = await getContainer();
  const session = await currentSession();
  if (!session) redirect('/signin');
  const now = c.now();
  // Rule roles plus roles of grants active right now, read from the database on every render.
  const held = await heldRoles(c.issuance, session.claims, session.user.id);
  const roles: RoleView[] = held.map(({ role, grantedBy, grant }) => ({
    id: role.id,
    accountId: role.accountId,
    accountAlias: role.accountAlias,
    ...(role.accountColour ? { accountColour: role.accountColour } : {}),
    ...(role.sessionPolicy || role.managedPolicyArns.length ? { scopedDown: true } : {}),
    roleName: role.roleName,
    arn: role.arn,
    region: role.region,
    partition: role.partition,
    description: role.description,
    maxSessionDurationSeconds: role.maxSessionDurationSeconds,
    delivery: role.delivery,
    grantedBy: grantedBy.map((g) => g.ruleId),
    ...(grant ? { grant: { endsAt: grant.endsAt.toISOString(), remaining: remainingText(grant.endsAt, now), reason: grant.reason } } : {}),
  }));
  const idpName = c.config.idps.find((i) => i.id === session.idpId)?.name ?? c.config.samlConnections.find((s) => s.id === session.idpId)?.name ?? session.idpId;
  const user = { email: session.user.email ?? undefined, name: session.user.name ?? undefined, idpName, admin: isAdmin(session.claims, c.config.admins) };
  return (
    <AppShell demo={c.env.demo} user={user}>
      <FavouritesProvider initial={await quickRoleIds(c, session.user.id, held)}>
        <RolePicker roles={roles} groups={session.claims.groups} />
      </FavouritesProvider>
    </AppShell>
  );
}
