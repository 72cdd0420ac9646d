-- The audit ledger's filters (issue 5 §4): by type over time, by role.
CREATE INDEX "AuditEvent_type_at_idx" ON "AuditEvent"("type", "at");
CREATE INDEX "AuditEvent_roleArn_idx" ON "AuditEvent"("roleArn");

-- Append-only in the database itself, whatever the code does: no row is ever updated, no row younger than
-- 30 days (the shortest retention the config accepts) can be deleted, and the table cannot be truncated.
-- The retention sweep deletes only older rows.
CREATE FUNCTION "rolegate_audit_append_only"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION 'AuditEvent is append-only';
  END IF;
  IF TG_OP = 'TRUNCATE' THEN
    RAISE EXCEPTION 'AuditEvent cannot be truncated';
  END IF;
  IF OLD."at" > (CURRENT_TIMESTAMP AT TIME ZONE 'UTC') - INTERVAL '30 days' THEN
    RAISE EXCEPTION 'AuditEvent rows younger than 30 days cannot be deleted';
  END IF;
  RETURN OLD;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
FOR EACH ROW EXECUTE FUNCTION "rolegate_audit_append_only"();

CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
FOR EACH STATEMENT EXECUTE FUNCTION "rolegate_audit_append_only"();
