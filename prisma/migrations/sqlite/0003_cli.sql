-- CreateTable
CREATE TABLE "DeviceAuthorization" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userCode" TEXT NOT NULL,
    "pendingUserCode" TEXT,
    "clientId" TEXT NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "intervalSeconds" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "approvedBy" TEXT,
    "claims" TEXT,
    "idpId" TEXT,
    "decidedAt" DATETIME,
    "lastPolledAt" DATETIME,
    "grantId" TEXT
);

-- CreateTable
CREATE TABLE "CliGrant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "idpId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "claims" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "absoluteExpiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "revokedReason" TEXT,
    CONSTRAINT "CliGrant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CliToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "grantId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "replacedBy" TEXT,
    CONSTRAINT "CliToken_grantId_fkey" FOREIGN KEY ("grantId") REFERENCES "CliGrant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "DeviceAuthorization_pendingUserCode_key" ON "DeviceAuthorization"("pendingUserCode");

-- CreateIndex
CREATE INDEX "DeviceAuthorization_expiresAt_idx" ON "DeviceAuthorization"("expiresAt");

-- CreateIndex
CREATE INDEX "CliGrant_userId_idx" ON "CliGrant"("userId");

-- CreateIndex
CREATE INDEX "CliGrant_absoluteExpiresAt_idx" ON "CliGrant"("absoluteExpiresAt");

-- CreateIndex
CREATE INDEX "CliToken_grantId_idx" ON "CliToken"("grantId");
