/**
 * Starts the whole local world: the demo OIDC IdP, the AWS emulator and Rolegate (its production server,
 * lib/server/start, on the production build, as `npm start` runs it), wired together by generated config.
 * Used by `npm run demo`, the Playwright tests and the benchmark.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { parseEmulatorConfig } from '../aws-emulator/config';
import { startAwsEmulator } from '../aws-emulator/server';
import { startDemoIdp } from '../oidc-idp/server';
import { startSamlIdp } from '../saml-idp/server';
import { DEMO_ACCOUNTS, DEMO_CLIENT_ID, DEMO_SAML_CONNECTIONS, emulatorConfig, rolegateConfigYaml, type DemoPorts } from './demo-config';
import { ensurePrivateDir, touchPrivateFile, writePrivateFile } from './private-files';
import { demoIamKeys, demoMetricsToken, demoSecrets } from './secrets';

export const ROOT = path.resolve(__dirname, '../../..');

export interface StackOptions {
  ports: DemoPorts;
  dataDir: string;
  databaseUrl?: string;
  /** Where Rolegate's output goes (default: inherit). */
  appStdio?: 'inherit' | 'ignore';
  /** Flags for Rolegate's node (the bench's --cpu-prof: Node refuses it in NODE_OPTIONS). */
  nodeArgs?: string[];
  /** Rolegate's config file instead of the demo's (the picker bench's big catalogue). */
  configYaml?: string;
}

export interface Stack {
  appUrl: string;
  idpUrl: string;
  samlIdpUrl: string;
  awsUrl: string;
  /** Process id of Rolegate's server process (benchmarks read its memory from /proc). */
  appPid: number;
  close(): Promise<void>;
}

export async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Rolegate exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/api/ready`);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Rolegate did not become healthy at ${url} within ${timeoutMs} ms`);
}

export function rolegateEnv(opts: StackOptions): NodeJS.ProcessEnv {
  const { ports, dataDir } = opts;
  ensurePrivateDir(dataDir);
  const secrets = demoSecrets(dataDir);
  const configFile = path.join(dataDir, 'rolegate.yaml');
  writePrivateFile(configFile, opts.configYaml ?? rolegateConfigYaml(ports));
  const sqliteFile = path.join(dataDir, 'rolegate.db');
  if (!opts.databaseUrl) touchPrivateFile(sqliteFile);
  const appUrl = `http://localhost:${ports.app}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    ROLEGATE_CONFIG: configFile,
    NEXTAUTH_URL: appUrl,
    NEXTAUTH_SECRET: secrets.nextauthSecret,
    ROLEGATE_ENCRYPTION_KEYS: secrets.encryptionKey,
    DATABASE_URL: opts.databaseUrl ?? `file:${sqliteFile}`,
    AWS_ENDPOINT_URL_STS: `http://localhost:${ports.aws}`,
    ROLEGATE_IAM_KEYS: JSON.stringify(demoIamKeys(dataDir, DEMO_ACCOUNTS.map((a) => a.id))),
    ROLEGATE_DEMO: '1',
    ROLEGATE_METRICS_TOKEN: demoMetricsToken(dataDir),
  };
  for (const id of ['okta', 'entra', 'google']) env[`ROLEGATE_IDP_${id.toUpperCase()}_CLIENT_SECRET`] = secrets.idpClientSecret;
  return env;
}

/** Ports of the demo world from one base port: Rolegate, OIDC IdP, AWS emulator, SAML IdP. */
export function demoPorts(base: number): DemoPorts {
  return { app: base, idp: base + 1, aws: base + 2, saml: base + 3 };
}

export function startIdps(ports: DemoPorts, dataDir: string) {
  const appUrl = `http://localhost:${ports.app}`;
  // `okta-partners` is not in the demo config: it is the id an admin gives a second Okta org added on the
  // Connections page (e2e/ui/admin-connections-edit.spec.ts), registered here as an IdP admin would.
  const redirectUris = ['okta', 'entra', 'google', 'okta-partners'].map((id) => `${appUrl}/api/auth/callback/${id}`);
  const sps = DEMO_SAML_CONNECTIONS.map((c) => ({ entityId: `${appUrl}/saml/${c.id}/metadata`, acsUrl: `${appUrl}/saml/${c.id}/acs` }));
  return Promise.all([
    startDemoIdp({ port: ports.idp, clients: [{ clientId: DEMO_CLIENT_ID, clientSecret: demoSecrets(dataDir).idpClientSecret, redirectUris, postLogoutRedirectUris: [`${appUrl}/signin`] }] }),
    startSamlIdp({ port: ports.saml, sps }),
  ]);
}

/** Rolegate's production server (`npm start`) on `port`, with the stack's environment. */
export function spawnRolegate(env: NodeJS.ProcessEnv, port: number, stdio: 'inherit' | 'ignore' = 'inherit', nodeArgs: string[] = []): ChildProcess {
  return spawn(process.execPath, [...nodeArgs, path.join(ROOT, 'lib/server/start/launch.cjs'), '-p', String(port)], {
    cwd: ROOT,
    env,
    stdio: ['ignore', stdio, 'inherit'],
  });
}

/** Registers Rolegate's SAML IdP metadata with the AWS emulator as an admin uploads it to IAM, and starts it. */
export async function startEmulatorFor(appUrl: string, ports: DemoPorts, dataDir: string) {
  const metadata = await (await fetch(`${appUrl}/aws/saml/metadata`)).text();
  const iamUsers = Object.entries(demoIamKeys(dataDir, DEMO_ACCOUNTS.map((a) => a.id))).map(([account, k]) => ({ account, ...k }));
  return startAwsEmulator({ config: parseEmulatorConfig({ ...emulatorConfig(ports, metadata), iamUsers }), port: ports.aws });
}

/**
 * IdPs first, then Rolegate; once it is up, its SAML IdP metadata is registered with the AWS emulator the
 * way an admin uploads it to IAM (CreateSAMLProvider), and the emulator starts.
 */
export async function startStack(opts: StackOptions): Promise<Stack> {
  const { ports, dataDir } = opts;
  const env = rolegateEnv(opts);
  const appUrl = `http://localhost:${ports.app}`;
  const [idp, saml] = await startIdps(ports, dataDir);
  const app = spawnRolegate(env, ports.app, opts.appStdio, opts.nodeArgs);
  let aws: Awaited<ReturnType<typeof startAwsEmulator>> | undefined;
  const close = async () => {
    app.kill('SIGTERM');
    await Promise.allSettled([idp.close(), saml.close(), aws?.close()]);
  };
  try {
    await waitForHealth(appUrl, app);
    aws = await startEmulatorFor(appUrl, ports, dataDir);
  } catch (err) {
    await close();
    throw err;
  }
  return { appUrl, idpUrl: idp.url, samlIdpUrl: saml.url, awsUrl: aws.url, appPid: app.pid ?? -1, close };
}
