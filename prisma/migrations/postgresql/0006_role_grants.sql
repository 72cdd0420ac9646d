-- CreateTable
CREATE TABLE "RoleGrant" (
    "id" TEXT NOT NULL,
    "roleId" TEXT NOT NULL,
    "userId" TEXT,
    "email" TEXT,
    "reason" TEXT NOT NULL,
    "requestedBy" TEXT NOT NULL,
    "requestedByEmail" TEXT,
    "requestedAt" TIMESTAMP(3) NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "durationSeconds" INTEGER NOT NULL,
    "requiredApprovals" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "activatedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "revokedBy" TEXT,

    CONSTRAINT "RoleGrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoleGrantApproval" (
    "id" TEXT NOT NULL,
    "grantId" TEXT NOT NULL,
    "approverUserId" TEXT NOT NULL,
    "approverEmail" TEXT,
    "decision" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoleGrantApproval_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RoleGrant_userId_idx" ON "RoleGrant"("userId");

-- CreateIndex
CREATE INDEX "RoleGrant_email_idx" ON "RoleGrant"("email");

-- CreateIndex
CREATE INDEX "RoleGrant_requestedAt_idx" ON "RoleGrant"("requestedAt");

-- CreateIndex
CREATE UNIQUE INDEX "RoleGrantApproval_grantId_approverUserId_key" ON "RoleGrantApproval"("grantId", "approverUserId");

-- AddForeignKey
ALTER TABLE "RoleGrantApproval" ADD CONSTRAINT "RoleGrantApproval_grantId_fkey" FOREIGN KEY ("grantId") REFERENCES "RoleGrant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
