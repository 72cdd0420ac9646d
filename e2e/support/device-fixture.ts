/**
 * Test-only path into the running demo's database for states the HTTP API cannot reach quickly: a device
 * authorization requested `--minutes-ago` minutes ago, through the real service with an injected clock
 * (instead of waiting out the expiry). Prints the RFC 8628 response as JSON.
 *   node --import tsx e2e/support/device-fixture.ts <DATABASE_URL> <publicUrl> <minutes-ago>
 */
import { closeDb, createDb } from '../../lib/db/client';
import { createRepos } from '../../lib/db/repos';
import { randomToken } from '../../lib/server/oauth/deps';
import { startDeviceAuthorization } from '../../lib/server/oauth/device-flow';

async function main(): Promise<void> {
  const [databaseUrl, publicUrl, minutesAgo] = process.argv.slice(2);
  if (!databaseUrl || !publicUrl || !minutesAgo) throw new Error('usage: device-fixture.ts <DATABASE_URL> <publicUrl> <minutes-ago>');
  const db = createDb(databaseUrl);
  try {
    const repos = createRepos(db);
    const at = new Date(Date.now() - Number(minutesAgo) * 60_000);
    const res = await startDeviceAuthorization(
      {
        config: { publicUrl, cli: { accessTokenMinutes: 15, refreshMaxHours: 12, deviceCodeMinutes: 10, pollIntervalSeconds: 5 } },
        devices: repos.deviceAuthorizations,
        grants: repos.cliGrants,
        audit: async () => {},
        now: () => at,
        newToken: randomToken,
      },
      'rolegate-cli',
      { ip: '198.51.100.23', userAgent: 'device-fixture' },
    );
    process.stdout.write(JSON.stringify(res));
  } finally {
    await closeDb(db);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
