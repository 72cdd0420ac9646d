/**
 * Append-only by construction (issue 5 §4): outside tests, no code updates the audit table, and the only
 * delete is the retention sweep in lib/db/repos/audit-query.ts. Scans every source file under lib/, app/
 * and prisma/ (the database's triggers, migration 0004, enforce the same in SQL).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(__dirname, '../..');
const SKIP = new Set(['node_modules', 'generated', 'dist', 'migrations']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return SKIP.has(e.name) ? [] : sources(full);
    return /\.(ts|tsx|js|cjs|mjs)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

const WRITES = /auditEvent\s*\.\s*(update|updateMany|upsert|delete|deleteMany|updateManyAndReturn)\b|\b(UPDATE|DELETE\s+FROM|TRUNCATE)\s+"?AuditEvent"?/gi;

function auditWrites(files: string[]): string[] {
  return files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(WRITES)].map((m) => `${path.relative(ROOT, f)}: ${m[0]}`));
}

test('the only audit delete is the retention sweep, and nothing updates the ledger', () => {
  const found = auditWrites(['lib', 'app', 'prisma'].flatMap((d) => sources(path.join(ROOT, d))));
  assert.deepEqual(found, ['lib/db/repos/audit-query.ts: auditEvent.deleteMany']);
});

test('the scan sees both Prisma calls and raw SQL (so the check above can fail)', () => {
  const text = 'db.auditEvent.update({}); db.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)';
  assert.deepEqual([...text.matchAll(WRITES)].map((m) => m[0]), ['auditEvent.update', 'DELETE FROM "AuditEvent"']);
});
