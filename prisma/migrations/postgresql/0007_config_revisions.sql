-- CreateTable
CREATE TABLE "ConfigRevision" (
    "revision" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "createdBy" TEXT,
    "changes" TEXT NOT NULL,

    CONSTRAINT "ConfigRevision_pkey" PRIMARY KEY ("revision")
);

-- The config history is append-only: a change is a new revision, never an edit of an old one.
CREATE FUNCTION "rolegate_config_append_only"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'ConfigRevision is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "ConfigRevision_append_only" BEFORE UPDATE OR DELETE ON "ConfigRevision"
FOR EACH ROW EXECUTE FUNCTION "rolegate_config_append_only"();

CREATE TRIGGER "ConfigRevision_no_truncate" BEFORE TRUNCATE ON "ConfigRevision"
FOR EACH STATEMENT EXECUTE FUNCTION "rolegate_config_append_only"();
