-- CreateTable
CREATE TABLE "ConfigRevision" (
    "revision" INTEGER NOT NULL PRIMARY KEY,
    "source" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "createdBy" TEXT,
    "changes" TEXT NOT NULL
);

-- The config history is append-only: a change is a new revision, never an edit of an old one.
CREATE TRIGGER "ConfigRevision_no_update" BEFORE UPDATE ON "ConfigRevision"
BEGIN
  SELECT RAISE(ABORT, 'ConfigRevision is append-only');
END;

CREATE TRIGGER "ConfigRevision_no_delete" BEFORE DELETE ON "ConfigRevision"
BEGIN
  SELECT RAISE(ABORT, 'ConfigRevision is append-only');
END;
