/**
 * `npm run demo`: Rolegate with a demo OIDC IdP, the AWS emulator and SQLite, with no configuration.
 * Ports: PORT (default 3000) for Rolegate, PORT+1 for the IdP, PORT+2 for the emulator.
 */
import path from 'node:path';
import { DEMO_USERS, DEMO_PASSWORD } from '../oidc-idp/users';
import { ensureBuild } from './build';
import { ROOT, startStack } from './stack';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65533) throw new Error(`PORT must be a port number, got ${process.env.PORT}`);
  const started = Date.now();
  if (!process.argv.includes('--no-build')) ensureBuild(ROOT);
  const dataDir = path.resolve(process.env.ROLEGATE_DEMO_DATA ?? path.join(ROOT, 'data/demo'));
  const stack = await startStack({ ports: { app: port, idp: port + 1, aws: port + 2 }, dataDir });
  const users = DEMO_USERS.map((u) => `    ${u.flavour.padEnd(7)} ${u.login.padEnd(24)} ${u.summary}`).join('\n');
  console.log(`
Rolegate demo is running (started in ${((Date.now() - started) / 1000).toFixed(1)} s)

  Open        ${stack.appUrl}
  Demo IdP    ${stack.idpUrl}   (password for every user: ${DEMO_PASSWORD})
  AWS emulator ${stack.awsUrl}

  Demo logins:
${users}

Press Ctrl+C to stop.`);
  const stop = () => void stack.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`demo failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
