-- The audit ledger at millions of rows (issue 15 §3).
--
-- Keyset pagination: every admin page reads `WHERE ("at", "id") < ($1, $2) [AND <filter> = $3] ORDER BY
-- "at" DESC, "id" DESC LIMIT n`. Each index below serves one such query end to end (a backward index scan
-- from the cursor, no sort), and replaces the narrower index it covers: (at) → (at, id); (type, at) →
-- (type, at, id); (userId) and (roleArn) → with (at, id).
-- On a large existing ledger these builds lock writes to the table for the length of this migration.

-- DropIndex
DROP INDEX "AuditEvent_at_idx";
DROP INDEX "AuditEvent_userId_idx";
DROP INDEX "AuditEvent_type_at_idx";
DROP INDEX "AuditEvent_roleArn_idx";

-- CreateIndex
CREATE INDEX "AuditEvent_at_id_idx" ON "AuditEvent"("at", "id");
CREATE INDEX "AuditEvent_type_at_id_idx" ON "AuditEvent"("type", "at", "id");
CREATE INDEX "AuditEvent_outcome_at_id_idx" ON "AuditEvent"("outcome", "at", "id");
CREATE INDEX "AuditEvent_idpId_at_id_idx" ON "AuditEvent"("idpId", "at", "id");
CREATE INDEX "AuditEvent_roleArn_at_id_idx" ON "AuditEvent"("roleArn", "at", "id");
CREATE INDEX "AuditEvent_userId_at_id_idx" ON "AuditEvent"("userId", "at", "id");

-- The ledger's text search: a trigram GIN index over the searched columns joined by a unit separator
-- (U+001F, which no search can contain: control characters are refused), so a search never matches
-- across two columns. pg_trgm makes trigrams of letters and digits only, so punctuation is turned into
-- letters first: `acme_test` is then looked up by `e_t`-like trigrams, not as `acme` and `test` (every row).
-- The index only narrows the candidates; each is checked with the exact ILIKE on the real text.
-- lib/db/repos/audit-sql.ts (pgTrigramText) must spell the expression exactly so, or the index goes unused.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX "AuditEvent_search_trgm_idx" ON "AuditEvent" USING gin ((translate(
    coalesce("email", '') || E'\x1f' || coalesce("userId", '') || E'\x1f' || coalesce("subject", '') || E'\x1f' ||
    coalesce("roleArn", '') || E'\x1f' || coalesce("sessionName", '') || E'\x1f' || coalesce("requestId", '') || E'\x1f' ||
    coalesce("code", '') || E'\x1f' || coalesce("ip", ''),
    '@._-:/+=, ', 'qxzjkvwyhp'
)) gin_trgm_ops);
