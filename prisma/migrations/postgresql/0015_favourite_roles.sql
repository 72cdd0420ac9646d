-- Issue 15 §4: roles a person starred in the picker, per user (at most 50 each; the repo enforces it).
-- Recently used roles need no table: they are read from the person's own issuance rows in the ledger.
-- CreateTable
CREATE TABLE "FavouriteRole" (
    "userId" TEXT NOT NULL,
    "roleId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FavouriteRole_pkey" PRIMARY KEY ("userId","roleId")
);

-- AddForeignKey
ALTER TABLE "FavouriteRole" ADD CONSTRAINT "FavouriteRole_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
