-- CreateTable
CREATE TABLE "SigninFailureCount" (
    "minute" TIMESTAMP(3) NOT NULL,
    "ip" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "idpId" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "SigninFailureCount_pkey" PRIMARY KEY ("minute","ip","code","idpId")
);
