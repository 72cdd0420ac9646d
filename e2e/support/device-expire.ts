/**
 * Test-only path into the running demo's database: ends the wait of a pending device authorization now,
 * as if its expires_in had passed, so a spec can watch a real CLI meet `expired_token` without waiting
 * out the 10 minutes. No repo method moves an expiry (the product never needs one), so this one update
 * goes to the Prisma client directly.
 *   node --import tsx e2e/support/device-expire.ts <DATABASE_URL> <user-code>
 */
import { normalizeUserCode } from '../../lib/core/device/user-code';
import { closeDb, createDb } from '../../lib/db/client';

async function main(): Promise<void> {
  const [databaseUrl, typed] = process.argv.slice(2);
  const userCode = typed && normalizeUserCode(typed);
  if (!databaseUrl || !userCode) throw new Error('usage: device-expire.ts <DATABASE_URL> <user-code>');
  const db = createDb(databaseUrl);
  try {
    const { count } = await db.deviceAuthorization.updateMany({
      where: { pendingUserCode: userCode, status: 'pending' },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    if (count !== 1) throw new Error(`no pending device authorization with user code ${typed}`);
  } finally {
    await closeDb(db);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
