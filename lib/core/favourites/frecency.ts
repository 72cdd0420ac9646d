/**
 * Frecency: how often and how lately a role was used, as one score (issue 15 §4; the ranking Granted's
 * `assume` and Firefox's address bar use). Each use adds the weight of its age bucket, so three uses this
 * week outrank one use an hour ago only when they are recent enough — a daily role stays on top, an old
 * burst fades. Pure: the caller supplies the uses (the person's own issuances) and the clock.
 */

export interface RoleUseById {
  roleId: string;
  at: Date;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Age bucket upper bounds (inclusive) and their weights. Uses older than the last bucket count nothing. */
const BUCKETS: ReadonlyArray<readonly [maxAgeMs: number, weight: number]> = [
  [4 * HOUR, 100],
  [DAY, 80],
  [3 * DAY, 60],
  [7 * DAY, 40],
  [30 * DAY, 20],
  [90 * DAY, 10],
];

/** How far back uses are read: older ones weigh nothing. */
export const FRECENCY_WINDOW_MS = 90 * DAY;

/** The weight of one use `ageMs` old; a use in the future (clock skew between instances) counts as now. */
export function useWeight(ageMs: number): number {
  const age = Math.max(0, ageMs);
  return BUCKETS.find(([max]) => age <= max)?.[1] ?? 0;
}

interface Score {
  roleId: string;
  score: number;
  last: number;
}

/** Role ids by frecency, best first; ties go to the later last use, then to the role id. At most `limit`. */
export function rankByFrecency(uses: readonly RoleUseById[], now: Date, limit: number): string[] {
  const scores = new Map<string, Score>();
  for (const use of uses) {
    const t = use.at.getTime();
    const weight = useWeight(now.getTime() - t);
    if (weight === 0) continue;
    const s = scores.get(use.roleId) ?? { roleId: use.roleId, score: 0, last: t };
    s.score += weight;
    s.last = Math.max(s.last, t);
    scores.set(use.roleId, s);
  }
  return [...scores.values()]
    .sort((a, b) => b.score - a.score || b.last - a.last || a.roleId.localeCompare(b.roleId))
    .slice(0, Math.max(0, limit))
    .map((s) => s.roleId);
}
