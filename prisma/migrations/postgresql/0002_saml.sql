-- CreateTable
CREATE TABLE "SamlRequest" (
    "id" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SamlRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SamlReplay" (
    "connectionId" TEXT NOT NULL,
    "assertionId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SamlReplay_pkey" PRIMARY KEY ("connectionId","assertionId")
);

-- CreateTable
CREATE TABLE "SamlKey" (
    "id" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "connectionId" TEXT,
    "certPem" TEXT NOT NULL,
    "privateKeyEnc" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "activatedAt" TIMESTAMP(3),
    "retiredAt" TIMESTAMP(3),
    "notAfter" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SamlKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SamlTrace" (
    "id" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "outcome" TEXT NOT NULL,
    "code" TEXT,
    "nameId" TEXT,
    "checks" TEXT NOT NULL,
    "attributes" TEXT NOT NULL,
    "matchedRules" TEXT NOT NULL,

    CONSTRAINT "SamlTrace_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SamlRequest_expiresAt_idx" ON "SamlRequest"("expiresAt");

-- CreateIndex
CREATE INDEX "SamlReplay_expiresAt_idx" ON "SamlReplay"("expiresAt");

-- CreateIndex
CREATE INDEX "SamlKey_purpose_connectionId_idx" ON "SamlKey"("purpose", "connectionId");

-- CreateIndex
CREATE INDEX "SamlTrace_connectionId_at_idx" ON "SamlTrace"("connectionId", "at");
