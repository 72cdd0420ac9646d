-- CreateTable
CREATE TABLE "RoleGrant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roleId" TEXT NOT NULL,
    "userId" TEXT,
    "email" TEXT,
    "reason" TEXT NOT NULL,
    "requestedBy" TEXT NOT NULL,
    "requestedByEmail" TEXT,
    "requestedAt" DATETIME NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "durationSeconds" INTEGER NOT NULL,
    "requiredApprovals" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "activatedAt" DATETIME,
    "revokedAt" DATETIME,
    "revokedBy" TEXT
);

-- CreateTable
CREATE TABLE "RoleGrantApproval" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "grantId" TEXT NOT NULL,
    "approverUserId" TEXT NOT NULL,
    "approverEmail" TEXT,
    "decision" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    CONSTRAINT "RoleGrantApproval_grantId_fkey" FOREIGN KEY ("grantId") REFERENCES "RoleGrant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "RoleGrant_userId_idx" ON "RoleGrant"("userId");

-- CreateIndex
CREATE INDEX "RoleGrant_email_idx" ON "RoleGrant"("email");

-- CreateIndex
CREATE INDEX "RoleGrant_requestedAt_idx" ON "RoleGrant"("requestedAt");

-- CreateIndex
CREATE UNIQUE INDEX "RoleGrantApproval_grantId_approverUserId_key" ON "RoleGrantApproval"("grantId", "approverUserId");
