-- CreateTable
CREATE TABLE "ConnectionSecret" (
    "idpId" TEXT NOT NULL PRIMARY KEY,
    "sealed" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "updatedBy" TEXT
);
