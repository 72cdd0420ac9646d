-- Issue 14 §3: rate limits shared by every instance on one database. One token bucket per limiter and
-- slot (a keyed hash of the limited key, so no client address is stored), taken with one atomic upsert.
-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "limiter" TEXT NOT NULL,
    "slot" INTEGER NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "atMs" DOUBLE PRECISION NOT NULL,
    "fullAtMs" DOUBLE PRECISION NOT NULL,
    "granted" BOOLEAN NOT NULL,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("limiter","slot")
);

-- CreateIndex
CREATE INDEX "RateLimitBucket_fullAtMs_idx" ON "RateLimitBucket"("fullAtMs");
