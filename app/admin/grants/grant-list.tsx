import type { GrantActor } from '@/lib/core/policy/grant-rules';
import { checkRevoke, countApprovals, decideGrant } from '@/lib/core/policy/grant-rules';
import { effectiveWindow, grantPhase, remainingText, type Grant, type GrantPhase } from '@/lib/core/policy/grants';
import { GrantActions } from './grant-actions';

export interface GrantListProps {
  grants: readonly Grant[];
  actor: GrantActor;
  now: Date;
  /** user id → how to show that user (email or id). */
  userLabel: (userId: string) => string;
  roleLabel: (roleId: string) => string;
  empty: string;
}

const utc = (d: Date) => `${d.toISOString().replace('T', ' ').slice(0, 16)} UTC`;

/** May this admin do it? The same pure rules the server applies on the click, asked without side effects. */
function allowed(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch {
    return false;
  }
}

const PHASE_CHIP: Record<GrantPhase, string> = { pending: 'chip', scheduled: 'chip', active: 'chip chip-ok', expired: 'chip', revoked: 'chip chip-bad', rejected: 'chip chip-bad' };

function When({ grant, now }: { grant: Grant; now: Date }) {
  const w = effectiveWindow(grant);
  const phase = grantPhase(grant, now);
  const hours = Math.round((grant.durationSeconds / 3600) * 10) / 10;
  if (!w) return <span>{hours} h from approval (not before {utc(grant.startsAt)})</span>;
  if (phase === 'active') return <span data-testid="grant-remaining">until {utc(w.endsAt)} · {remainingText(w.endsAt, now)}</span>;
  if (phase === 'scheduled') return <span>{utc(w.startsAt)} → {utc(w.endsAt)}</span>;
  return <span>{utc(w.startsAt)} → {grant.revokedAt ? `revoked ${utc(grant.revokedAt)}` : utc(w.endsAt)}</span>;
}

export function GrantList({ grants, actor, now, userLabel, roleLabel, empty }: GrantListProps) {
  if (grants.length === 0) return <p className="muted trace-empty">{empty}</p>;
  return (
    <ul className="role-list">
      {grants.map((g) => {
        const phase = grantPhase(g, now);
        return (
          <li key={g.id} className="trace grant-row" data-testid="grant-row" data-grant-id={g.id}>
            <div className="grant-main">
              <span className={PHASE_CHIP[phase]} data-testid="grant-phase">{phase}</span> <strong>{roleLabel(g.roleId)}</strong> for{' '}
              <span data-testid="grant-grantee">{g.userId ? userLabel(g.userId) : `${g.email ?? ''} (email verified by ${g.emailIdp ?? 'no IdP: matches nobody'})`}</span>
              <p className="role-desc">
                <When grant={g} now={now} /> · requested by {userLabel(g.requestedBy)} · approvals {countApprovals(g)}/{g.requiredApprovals}
              </p>
              <p className="role-desc" data-testid="grant-reason">Reason: {g.reason}</p>
            </div>
            <GrantActions
              grantId={g.id}
              canDecide={allowed(() => decideGrant(g, actor, 'approve', now))}
              canRevoke={phase !== 'expired' && allowed(() => checkRevoke(g, actor))}
            />
          </li>
        );
      })}
    </ul>
  );
}
