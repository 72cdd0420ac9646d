-- CreateTable
CREATE TABLE "SamlRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "connectionId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SamlReplay" (
    "connectionId" TEXT NOT NULL,
    "assertionId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("connectionId", "assertionId")
);

-- CreateTable
CREATE TABLE "SamlKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "purpose" TEXT NOT NULL,
    "connectionId" TEXT,
    "certPem" TEXT NOT NULL,
    "privateKeyEnc" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "activatedAt" DATETIME,
    "retiredAt" DATETIME,
    "notAfter" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SamlTrace" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "connectionId" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "outcome" TEXT NOT NULL,
    "code" TEXT,
    "nameId" TEXT,
    "checks" TEXT NOT NULL,
    "attributes" TEXT NOT NULL,
    "matchedRules" TEXT NOT NULL
);

-- CreateIndex
CREATE INDEX "SamlRequest_expiresAt_idx" ON "SamlRequest"("expiresAt");

-- CreateIndex
CREATE INDEX "SamlReplay_expiresAt_idx" ON "SamlReplay"("expiresAt");

-- CreateIndex
CREATE INDEX "SamlKey_purpose_connectionId_idx" ON "SamlKey"("purpose", "connectionId");

-- CreateIndex
CREATE INDEX "SamlTrace_connectionId_at_idx" ON "SamlTrace"("connectionId", "at");
