import { getContainer } from '@/lib/server/container';

/** Shown on every signed-in page while a lock-down is on, with the admin's reason. */
export async function LockdownBanner() {
  const c = await getContainer();
  const state = await c.repos.settings.getLockdown();
  if (!state.enabled) return null;
  return (
    <div className="lockdown-banner" role="alert" data-testid="lockdown-banner">
      LOCK-DOWN — Rolegate issues no AWS credentials or console links right now{state.reason ? `: ${state.reason}` : ''}
    </div>
  );
}
