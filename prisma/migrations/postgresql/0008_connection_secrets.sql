-- CreateTable
CREATE TABLE "ConnectionSecret" (
    "idpId" TEXT NOT NULL,
    "sealed" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT,

    CONSTRAINT "ConnectionSecret_pkey" PRIMARY KEY ("idpId")
);
