-- The audit ledger's filters (issue 5 §4): by type over time, by role.
CREATE INDEX "AuditEvent_type_at_idx" ON "AuditEvent"("type", "at");
CREATE INDEX "AuditEvent_roleArn_idx" ON "AuditEvent"("roleArn");

-- Append-only in the database itself, whatever the code does: no row is ever updated, and no row younger
-- than 30 days (the shortest retention the config accepts) can be deleted. The retention sweep deletes
-- only older rows. A time the database cannot read counts as young.
CREATE TRIGGER "AuditEvent_no_update" BEFORE UPDATE ON "AuditEvent"
BEGIN
  SELECT RAISE(ABORT, 'AuditEvent is append-only');
END;

CREATE TRIGGER "AuditEvent_no_recent_delete" BEFORE DELETE ON "AuditEvent"
WHEN julianday(OLD."at") IS NULL OR julianday(OLD."at") > julianday('now', '-30 days')
BEGIN
  SELECT RAISE(ABORT, 'AuditEvent rows younger than 30 days cannot be deleted');
END;
