-- The audit ledger at millions of rows (issue 15 §3).
--
-- Keyset pagination: every admin page reads `WHERE ("at", "id") < (?, ?) [AND <filter> = ?] ORDER BY "at"
-- DESC, "id" DESC LIMIT n`. Each index below serves one such query end to end (the range and the order, no
-- temp B-tree), and replaces the narrower index it covers: (at) → (at, id); (type, at) → (type, at, id);
-- (userId) and (roleArn) → with (at, id).

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

-- The ledger's text search: an FTS5 trigram index over the searched columns, so a substring of 3 or more
-- characters is found through the index (case-insensitively; `_` and `%` are plain characters to it).
-- The search asks it only for rows holding each of a few single trigrams and checks every candidate with
-- the exact LIKE (lib/db/repos/audit-text-search.ts), so it keeps no positions (detail = none): a quarter
-- of the size of a full index at 1 M rows, as fast for those lookups.
-- External content: the text stays in "AuditEvent" only; the index is kept in step by the triggers below
-- (the ledger has no UPDATE, its BEFORE UPDATE trigger refuses one). It is keyed by the ledger's rowid,
-- which VACUUM and `.backup` keep; should it ever drift (a dump restored row by row), rebuild it with
--   INSERT INTO "AuditEventSearch"("AuditEventSearch") VALUES ('rebuild');
CREATE VIRTUAL TABLE "AuditEventSearch" USING fts5(
    "email", "userId", "subject", "roleArn", "sessionName", "requestId", "code", "ip",
    content = 'AuditEvent', tokenize = 'trigram', detail = none
);

CREATE TRIGGER "AuditEvent_search_insert" AFTER INSERT ON "AuditEvent"
BEGIN
  INSERT INTO "AuditEventSearch" (rowid, "email", "userId", "subject", "roleArn", "sessionName", "requestId", "code", "ip")
  VALUES (NEW.rowid, NEW."email", NEW."userId", NEW."subject", NEW."roleArn", NEW."sessionName", NEW."requestId", NEW."code", NEW."ip");
END;

CREATE TRIGGER "AuditEvent_search_delete" AFTER DELETE ON "AuditEvent"
BEGIN
  INSERT INTO "AuditEventSearch" ("AuditEventSearch", rowid, "email", "userId", "subject", "roleArn", "sessionName", "requestId", "code", "ip")
  VALUES ('delete', OLD.rowid, OLD."email", OLD."userId", OLD."subject", OLD."roleArn", OLD."sessionName", OLD."requestId", OLD."code", OLD."ip");
END;

-- Index the rows already in the ledger.
INSERT INTO "AuditEventSearch" ("AuditEventSearch") VALUES ('rebuild');
