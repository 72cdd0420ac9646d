/**
 * CLI for the demo IdP (local demo only; every demo password is `demo`).
 *
 *   node --import tsx e2e/support/oidc-idp/main.ts --port 3001 \
 *     --client 'rolegate:secret:http://localhost:3000/api/auth/callback/okta,http://localhost:3000/api/auth/callback/entra'
 *
 *   --port <n>      listen port (default 3001; 0 = random)
 *   --client <c>    `clientId:clientSecret:redirectUri[,redirectUri…]`; repeatable. Every client is registered at
 *                   every issuer (okta, entra, google). Post-logout redirect URIs default to the redirect URIs' origins.
 *   --config <f>    JSON file instead of / in addition to --client:
 *                   { "port"?: 3001, "clients": [{ "clientId", "clientSecret", "redirectUris": [...],
 *                     "postLogoutRedirectUris"?: [...],
 *                     "tokenEndpointAuthMethod"?: "client_secret_basic" | "client_secret_post" }] }
 *
 * Prints the issuer URLs, then one JSON line `{"url":…,"issuers":{…}}` for scripts; stops on SIGINT/SIGTERM.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import { z } from 'zod';

import { FLAVOURS } from './flavours';
import { startDemoIdp, type DemoClient } from './server';
import { usersFor } from './users';

const clientSchema = z.object({
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  redirectUris: z.array(z.url()).min(1),
  postLogoutRedirectUris: z.array(z.url()).optional(),
  tokenEndpointAuthMethod: z.enum(['client_secret_basic', 'client_secret_post']).optional(),
});
const configSchema = z.object({
  port: z.number().int().min(0).max(65535).optional(),
  clients: z.array(clientSchema).default([]),
});

export function parseClientArg(arg: string): DemoClient {
  const first = arg.indexOf(':');
  const second = arg.indexOf(':', first + 1);
  if (first <= 0 || second <= first + 1) throw new Error(`--client must be clientId:clientSecret:redirectUri[,…], got ${arg}`);
  return clientSchema.parse({
    clientId: arg.slice(0, first),
    clientSecret: arg.slice(first + 1, second),
    redirectUris: arg.slice(second + 1).split(',').filter(Boolean),
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      client: { type: 'string', multiple: true },
      config: { type: 'string' },
    },
  });
  const file = values.config ? configSchema.parse(JSON.parse(readFileSync(values.config, 'utf8'))) : undefined;
  const clients = [...(file?.clients ?? []), ...(values.client ?? []).map(parseClientArg)];
  if (clients.length === 0) throw new Error('register at least one client with --client or --config');
  const port = values.port !== undefined ? z.coerce.number().int().min(0).max(65535).parse(values.port) : (file?.port ?? 3001);

  const idp = await startDemoIdp({ port, clients });
  console.log(`Demo IdP listening on ${idp.url} (DEMO ONLY — every password is "demo")`);
  for (const { id } of FLAVOURS) {
    const logins = usersFor(id).map((u) => u.login);
    console.log(`  ${id.padEnd(6)} ${idp.issuers[id]}  users: ${logins.join(', ')}`);
  }
  console.log(JSON.stringify({ url: idp.url, issuers: idp.issuers }));

  const stop = (): void => {
    idp.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
