-- CreateTable
CREATE TABLE "SigninFailureCount" (
    "minute" DATETIME NOT NULL,
    "ip" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "idpId" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("minute", "ip", "code", "idpId")
);
