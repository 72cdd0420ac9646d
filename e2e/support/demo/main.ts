/**
 * `npm run demo`: Rolegate with a demo OIDC IdP, the AWS emulator and SQLite, with no configuration;
 * `npm run demo -- --postgres` (or DATABASE_URL) on PostgreSQL instead (database.ts).
 * Ports: PORT (default 3000) for Rolegate, PORT+1 for the OIDC IdP, PORT+2 for the AWS emulator, PORT+3 for
 * the SAML IdP.
 */
import path from 'node:path';
import { DEMO_USERS, DEMO_PASSWORD } from '../oidc-idp/users';
import { PEOPLE } from '../saml-idp/users';
import { dialectOf } from '../../../lib/db/dialect';
import { ensureBuild } from './build';
import { demoDatabaseUrl, ensurePostgresDatabase } from './database';
import { demoPorts, ROOT, startStack } from './stack';

/** The URL without its password, for the banner. */
function redactedUrl(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65533) throw new Error(`PORT must be a port number, got ${process.env.PORT}`);
  const started = Date.now();
  if (!process.argv.includes('--no-build')) ensureBuild(ROOT);
  const dataDir = path.resolve(process.env.ROLEGATE_DEMO_DATA ?? path.join(ROOT, 'data/demo'));
  const databaseUrl = demoDatabaseUrl(process.argv.slice(2), { DATABASE_URL: process.env.DATABASE_URL });
  if (databaseUrl && dialectOf(databaseUrl) === 'postgresql') await ensurePostgresDatabase(databaseUrl);
  const stack = await startStack({ ports: demoPorts(port), dataDir, databaseUrl });
  const users = DEMO_USERS.map((u) => `    ${u.flavour.padEnd(10)} ${u.login.padEnd(24)} ${u.summary}`).join('\n');
  const samlUsers = PEOPLE.map((p) => `    ${'SAML (any)'.padEnd(10)} ${p.login.padEnd(24)} groups ${p.groups.join(', ')}`).join('\n');
  console.log(`
Rolegate demo is running (started in ${((Date.now() - started) / 1000).toFixed(1)} s)

  Open        ${stack.appUrl}
  OIDC IdP     ${stack.idpUrl}   (Okta, Entra ID and Google shapes)
  SAML IdP     ${stack.samlIdpUrl}   (ADFS, Okta, Entra ID and Shibboleth shapes)
  AWS emulator ${stack.awsUrl}
  Database     ${databaseUrl ? redactedUrl(databaseUrl) : `SQLite in ${dataDir}`}

  Demo logins (password for every user: ${DEMO_PASSWORD}):
${users}
${samlUsers}

Press Ctrl+C to stop.`);
  const stop = () => void stack.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`demo failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
