/**
 * A large, realistic audit ledger for the ledger's integration tests and `npm run bench:ledger`: rows are
 * written straight into the database (the repos would take minutes), bounded by `rows`, newest last.
 * SQLite: batched prepared inserts in one transaction (better-sqlite3). PostgreSQL: one INSERT … SELECT
 * over generate_series. Both produce the same shape: 20,000 users over 5 IdPs, 2,100 roles, every type and
 * outcome in realistic proportions, pairs of rows sharing a millisecond (keyset ties), random UUID ids.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { dialectOf, sqliteFilePath } from '../dialect';
import type { AuditType } from '../repos/audit-types';

export const SEED = {
  users: 20_000,
  idps: ['okta', 'entra', 'google', 'adfs', 'shibboleth'],
  /** 300 accounts × 7 role names. */
  accounts: 300,
  roleNames: ['Admin', 'ReadOnly', 'Operator', 'Billing', 'Deploy', 'Audit', 'Support'],
  codes: ['STS_DENIED', 'OIDC_ISSUER_MISMATCH', 'SAML_AUDIENCE_MISMATCH', 'POLICY_NO_ROLE', 'SAML_SIGNATURE_INVALID'],
  /** The first row's time; each pair of rows is `stepMs` after the previous pair. */
  start: Date.UTC(2025, 0, 1),
  stepMs: 2_000,
} as const;

/** Per mille, cumulative: issuance 40 %, signin 25 %, console 10 %, denial 8 %, cli 5 %, … */
const TYPES: [string, number][] = [
  ['issuance', 400], ['signin', 650], ['console', 750], ['denial', 830], ['cli', 880], ['signout', 920],
  ['device', 950], ['admin', 970], ['grant', 985], ['revocation', 995], ['lockdown', 1000],
];
const WITH_ROLE = new Set(['issuance', 'console', 'denial', 'grant']);

export const seedUserId = (u: number) => `u-${u}`;
export const seedEmail = (u: number) => `user${u}@acme.test`;
export const seedRoleArn = (r: number) =>
  `arn:aws:iam::${String(100000000000 + (r % SEED.accounts) * 7919).padStart(12, '0')}:role/${SEED.roleNames[r % SEED.roleNames.length]}`;

/** A 32-bit mix of `i` and `salt` (deterministic; the same row always gets the same values). */
function mix(i: number, salt: number): number {
  let h = Math.imul(i ^ salt, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}

const hex = (i: number, salt: number) => mix(i, salt).toString(16).padStart(8, '0');
const uuid = (i: number) => `${hex(i, 1)}-${hex(i, 2).slice(0, 4)}-4${hex(i, 3).slice(0, 3)}-8${hex(i, 4).slice(0, 3)}-${hex(i, 5)}${hex(i, 6).slice(0, 4)}`;

/** Row `i` (0 = oldest) as SQLite stores it: times as Prisma writes them, booleans as 0/1. */
export function seedRow(i: number, opts: SeedOptions = {}): (string | number | null)[] {
  const at = (opts.start ?? SEED.start) + Math.floor(i / 2) * SEED.stepMs;
  const t = mix(i, 7) % 1000;
  const type = opts.type ?? TYPES.find(([, upTo]) => t < upTo)?.[0] ?? 'admin';
  const o = mix(i, 8) % 100;
  const outcome = type === 'denial' ? 'denied' : o < 88 ? 'ok' : o < 96 ? 'failed' : 'denied';
  const u = mix(i, 9) % SEED.users;
  const role = WITH_ROLE.has(type) ? seedRoleArn(mix(i, 10) % (SEED.accounts * SEED.roleNames.length)) : null;
  const issued = type === 'issuance' && outcome === 'ok';
  const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');
  return [
    uuid(i), iso(at), type, outcome, seedUserId(u), `00u${u}`, seedEmail(u), SEED.idps[u % SEED.idps.length] ?? null,
    role, issued ? seedEmail(u) : null, issued ? uuid(i + 0x40000000) : null,
    outcome === 'ok' ? null : (SEED.codes[mix(i, 11) % SEED.codes.length] ?? null),
    `10.${(u >> 8) & 255}.${u & 255}.${1 + (mix(i, 12) % 3)}`, u % 3 === 0 ? 'rolegate-cli/1.4.0' : 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0',
    issued ? iso(at + 3_600_000) : null, issued ? `{"channel":"${u % 3 === 0 ? 'cli' : 'web'}","sourceIdentity":"${seedEmail(u)}"}` : null, u % 2,
  ];
}

const COLUMNS = ['id', 'at', 'type', 'outcome', 'userId', 'subject', 'email', 'idpId', 'roleArn', 'sessionName', 'requestId', 'code', 'ip', 'userAgent', 'expiresAt', 'detail', 'emailVerified'];
const BATCH = 500;

function seedSqlite(file: string, rows: number, from: number, opts: SeedOptions): void {
  const db = new Database(file);
  try {
    db.pragma('busy_timeout = 10000'); // a running Rolegate may hold the write lock for a moment
    const values = `(${COLUMNS.map(() => '?').join(',')})`;
    const sql = (n: number) => `INSERT INTO "AuditEvent" (${COLUMNS.map((c) => `"${c}"`).join(',')}) VALUES ${Array(n).fill(values).join(',')}`;
    const full = db.prepare(sql(BATCH));
    db.transaction(() => {
      for (let i = 0; i < rows; i += BATCH) {
        const n = Math.min(BATCH, rows - i);
        const params = Array.from({ length: n }, (_, k) => seedRow(from + i + k, opts)).flat();
        (n === BATCH ? full : db.prepare(sql(n))).run(...params);
      }
    })();
  } finally {
    db.close();
  }
}

/** The same distribution in SQL over generate_series (g = row number, 0 = oldest). */
function pgInsert(opts: SeedOptions): string {
  const h = (salt: number) => `(hashint4(g # ${salt}) & 2147483647)`;
  const type = opts.type ? `'${opts.type}'` : `CASE ${TYPES.map(([name, upTo]) => `WHEN ${h(7)} % 1000 < ${upTo} THEN '${name}'`).join(' ')} END`;
  const start = opts.start ?? SEED.start;
  const u = `(${h(9)} % ${SEED.users})`;
  const roleIdx = `(${h(10)} % ${SEED.accounts * SEED.roleNames.length})`;
  const role = `'arn:aws:iam::' || lpad((100000000000 + (${roleIdx} % ${SEED.accounts}) * 7919)::text, 12, '0') || ':role/' || (ARRAY['${SEED.roleNames.join("','")}'])[${roleIdx} % ${SEED.roleNames.length} + 1]`;
  const at = `timestamp '${new Date(start).toISOString().slice(0, 23).replace('T', ' ')}' + (g / 2) * interval '${SEED.stepMs} milliseconds'`;
  return `INSERT INTO "AuditEvent" (${COLUMNS.map((c) => `"${c}"`).join(',')})
SELECT md5(g::text)::uuid::text, at, type, outcome, 'u-' || u, '00u' || u, 'user' || u || '@acme.test',
  (ARRAY['${SEED.idps.join("','")}'])[u % ${SEED.idps.length} + 1],
  CASE WHEN type IN ('${[...WITH_ROLE].join("','")}') THEN role END,
  CASE WHEN issued THEN 'user' || u || '@acme.test' END, CASE WHEN issued THEN md5((g + 1073741824)::text)::uuid::text END,
  CASE WHEN outcome <> 'ok' THEN (ARRAY['${SEED.codes.join("','")}'])[${h(11)} % ${SEED.codes.length} + 1] END,
  '10.' || ((u >> 8) & 255) || '.' || (u & 255) || '.' || (1 + ${h(12)} % 3),
  CASE WHEN u % 3 = 0 THEN 'rolegate-cli/1.4.0' ELSE 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0' END,
  CASE WHEN issued THEN at + interval '1 hour' END,
  CASE WHEN issued THEN '{"channel":"' || CASE WHEN u % 3 = 0 THEN 'cli' ELSE 'web' END || '","sourceIdentity":"user' || u || '@acme.test"}' END,
  u % 2 = 1
FROM (
  SELECT g, at, type, u, role, outcome, type = 'issuance' AND outcome = 'ok' AS issued FROM (
    SELECT g, at, type, u, role, CASE WHEN type = 'denial' THEN 'denied' WHEN o < 88 THEN 'ok' WHEN o < 96 THEN 'failed' ELSE 'denied' END AS outcome
    FROM (SELECT g, ${at} AS at, ${type} AS type, ${u} AS u, ${role} AS role, ${h(8)} % 100 AS o
          FROM generate_series($1::int, $2::int) AS g) AS r) AS s) AS t`;
}

async function seedPostgresql(url: string, rows: number, from: number, opts: SeedOptions): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SET synchronous_commit = off');
    await client.query(pgInsert(opts), [from, from + rows - 1]);
  } finally {
    await client.end();
  }
}

export interface SeedOptions {
  /** Row 0's time (default SEED.start, 2025-01-01); each pair of rows is SEED.stepMs after the previous. */
  start?: number;
  /** Every row of this type instead of the realistic mix (e2e: rows no other spec counts). */
  type?: AuditType;
}

/** Appends `rows` seed rows (numbered from `from`) to the ledger of the migrated database at `url`. */
export async function seedLedger(url: string, rows: number, from = 0, opts: SeedOptions = {}): Promise<void> {
  if (rows <= 0) return;
  if (dialectOf(url) === 'sqlite') seedSqlite(sqliteFilePath(url), rows, from, opts);
  else await seedPostgresql(url, rows, from, opts);
}
