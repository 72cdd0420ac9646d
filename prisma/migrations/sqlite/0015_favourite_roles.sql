-- Issue 15 §4: roles a person starred in the picker, per user (at most 50 each; the repo enforces it).
-- Recently used roles need no table: they are read from the person's own issuance rows in the ledger.
-- CreateTable
CREATE TABLE "FavouriteRole" (
    "userId" TEXT NOT NULL,
    "roleId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("userId", "roleId"),
    CONSTRAINT "FavouriteRole_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
