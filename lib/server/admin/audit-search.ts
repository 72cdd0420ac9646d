/**
 * The audit ledger's search as it arrives in a URL (the page's GET form and the export link share it):
 * parsed with zod into a repo filter and a keyset cursor. Bad input is a typed BAD_REQUEST naming each
 * problem; empty form fields mean "no filter".
 */
import { z } from 'zod';
import { freeText, inputRefusal } from '../../core/text/free-text';
import { AUDIT_OUTCOMES, AUDIT_TYPES, SEARCH_MIN_CHARS, type AuditCursor, type AuditFilter } from '../../db/repos/audit-types';

const DAY_MS = 86_400_000;
const blank = (v: unknown) => (v === '' ? undefined : v);
const day = z.preprocess(blank, z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD').refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'not a date').optional());
const text = (max: number, min = 1) => z.preprocess(blank, freeText().trim().min(min, `at least ${min} characters`).max(max).optional());

export const auditSearchSchema = z.object({
  type: z.preprocess(blank, z.enum(AUDIT_TYPES).optional()),
  outcome: z.preprocess(blank, z.enum(AUDIT_OUTCOMES).optional()),
  idp: text(100),
  role: text(2048),
  user: text(100),
  // Issue 15: the ledger's trigram indexes need 3 characters; shorter searches are refused, not scanned for.
  q: text(200, SEARCH_MIN_CHARS),
  from: day,
  to: day,
  cursor: z.preprocess(blank, z.string().regex(/^\d{13}~[\w-]{1,64}$/, 'not a page cursor').optional()),
});

export interface AuditSearch {
  filter: AuditFilter;
  cursor?: AuditCursor;
  /** The search as query parameters (without the cursor), for links to the next page and the export. */
  params: URLSearchParams;
}

export function cursorParam(c: AuditCursor): string {
  return `${c.at.getTime()}~${c.id}`;
}

/** `from`/`to` are whole UTC days, both inclusive. */
export function parseAuditSearch(input: URLSearchParams | Record<string, string | string[] | undefined>): AuditSearch {
  const raw = input instanceof URLSearchParams ? Object.fromEntries(input) : Object.fromEntries(Object.entries(input).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = auditSearchSchema.safeParse(raw);
  if (!parsed.success) throw inputRefusal(parsed.error);
  const s = parsed.data;
  const filter: AuditFilter = {
    type: s.type,
    outcome: s.outcome,
    idpId: s.idp,
    roleArn: s.role,
    userId: s.user,
    text: s.q,
    from: s.from ? new Date(`${s.from}T00:00:00Z`) : undefined,
    to: s.to ? new Date(Date.parse(`${s.to}T00:00:00Z`) + DAY_MS) : undefined,
  };
  const [ms, id] = s.cursor?.split('~') ?? [];
  const cursor = ms && id ? { at: new Date(Number(ms)), id } : undefined;
  const params = new URLSearchParams();
  for (const key of ['type', 'outcome', 'idp', 'role', 'user', 'q', 'from', 'to'] as const) {
    const v = s[key];
    if (v) params.set(key, v);
  }
  return { filter, cursor, params };
}
