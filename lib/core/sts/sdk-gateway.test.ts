/**
 * The real SDK gateway against the real AWS emulator (e2e/support/aws-emulator) and a local issuer that
 * serves Rolegate's own discovery document and JWKS, with tokens minted by Rolegate's own minting code.
 */
import assert from 'node:assert/strict';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { test, type TestContext } from 'node:test';
import { STSClient } from '@aws-sdk/client-sts';
import { parseEmulatorConfig } from '../../../e2e/support/aws-emulator/config';
import { startAwsEmulator, type AwsEmulator } from '../../../e2e/support/aws-emulator/server';
import { GatewayError, publicView, type GatewayErrorCode } from '../errors';
import { discoveryDocument, JWKS_PATH, jwksDocument } from '../oidc/discovery';
import { generateSigningKey, importPrivateKey, type SigningKeyRecord } from '../oidc/keys';
import { mintWebIdentityToken, type WebIdentityTokenInput } from '../oidc/web-identity-token';
import type { AssumeWithWebIdentityInput } from './gateway';
import { createSdkStsGateway } from './sdk-gateway';

const ACCOUNT = '111122223333';
const ROLE = 'rolegate-dev';
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/${ROLE}`;
const CLIENT_ID = 'sts.amazonaws.com';

// One RSA key for the whole file: generating 2048-bit keys per test is slow and tests nothing new.
const signingKey = generateSigningKey().then(async (k) => ({
  record: {
    kid: k.kid,
    alg: k.alg,
    publicJwk: k.publicJwk,
    status: 'active',
    createdAt: new Date(),
  } satisfies SigningKeyRecord,
  signer: { kid: k.kid, key: await importPrivateKey(k.privateJwkJson) },
}));

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** A port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await close(server);
  return port;
}

interface LocalIssuer {
  /** `iss`: `http://localhost:<port>` (the emulator allows http and a port on loopback only). */
  url: string;
  /** As IAM stores the provider URL: no scheme. */
  providerUrl: string;
  close(): Promise<void>;
}

/** Serves Rolegate's discovery document and JWKS (lib/core/oidc/discovery.ts) for the file's key. */
async function startIssuer(t: TestContext): Promise<LocalIssuer> {
  const { record } = await signingKey;
  let url = '';
  const server = createServer((req, res) => {
    const body =
      req.url === '/.well-known/openid-configuration'
        ? discoveryDocument(url)
        : req.url === JWKS_PATH
          ? jwksDocument([record])
          : undefined;
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body ?? { error: 'not found' }));
  });
  const port = await listen(server);
  url = `http://localhost:${port}`;
  t.after(() => close(server));
  return { url, providerUrl: `localhost:${port}`, close: () => close(server) };
}

interface Stack {
  issuer: LocalIssuer;
  emulator: AwsEmulator;
  mint(overrides?: Partial<WebIdentityTokenInput>): Promise<string>;
  input(token: string, overrides?: Partial<AssumeWithWebIdentityInput>): AssumeWithWebIdentityInput;
}

/**
 * Issuer + emulator with one role (MaxSessionDuration 1 h) whose trust policy allows our issuer for
 * aud = sts.amazonaws.com and sub like `user-*`, with session tags and source identity.
 */
async function startStack(t: TestContext): Promise<Stack> {
  const issuer = await startIssuer(t);
  const config = parseEmulatorConfig({
    accounts: [
      {
        id: ACCOUNT,
        roles: [
          {
            name: ROLE,
            maxSessionDuration: 3600,
            trustPolicy: {
              Version: '2012-10-17',
              Statement: [
                {
                  Effect: 'Allow',
                  Principal: {
                    Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/${issuer.providerUrl}`,
                  },
                  Action: [
                    'sts:AssumeRoleWithWebIdentity',
                    'sts:TagSession',
                    'sts:SetSourceIdentity',
                  ],
                  Condition: {
                    StringEquals: { [`${issuer.providerUrl}:aud`]: CLIENT_ID },
                    StringLike: { [`${issuer.providerUrl}:sub`]: 'user-*' },
                  },
                },
              ],
            },
          },
        ],
      },
    ],
    oidcProviders: [
      { account: ACCOUNT, url: issuer.providerUrl, clientIds: [CLIENT_ID], scheme: 'http' },
    ],
  });
  const emulator = await startAwsEmulator({ config, port: 0 });
  t.after(() => emulator.close());
  const { signer } = await signingKey;
  return {
    issuer,
    emulator,
    mint: async (overrides = {}) =>
      (
        await mintWebIdentityToken({
          issuer: issuer.url,
          audience: CLIENT_ID,
          subject: 'user-123',
          lifetimeSeconds: 300,
          now: new Date(),
          signer,
          ...overrides,
        })
      ).token,
    input: (token, overrides = {}) => ({
      roleArn: ROLE_ARN,
      roleSessionName: 'alice',
      webIdentityToken: token,
      durationSeconds: 900,
      region: 'eu-west-1',
      ...overrides,
    }),
  };
}

/** Asserts the call fails with `code`, the SDK error kept as cause, and no AWS text shown to the user. */
async function assertFails(
  promise: Promise<unknown>,
  code: GatewayErrorCode,
  causeName?: string,
): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof GatewayError, `expected a GatewayError, got ${String(err)}`);
    assert.equal(err.code, code, `code (internal message: ${err.message})`);
    if (causeName !== undefined) {
      assert.ok(err.cause instanceof Error, 'the SDK error is kept as cause');
      assert.equal(err.cause.name, causeName);
      assert.ok(!publicView(err).message.includes(err.cause.message), 'AWS text stays internal');
    }
    assert.equal(publicView(err).code, code);
    return true;
  });
}

test('success: credentials, the assumed-role ARN, the request id and the source identity', async (t) => {
  const s = await startStack(t);
  const gateway = createSdkStsGateway({ endpoint: s.emulator.url });
  const before = Date.now();
  const token = await s.mint({ sourceIdentity: 'alice@example.com' });
  const out = await gateway.assumeRoleWithWebIdentity(s.input(token));

  assert.match(out.credentials.accessKeyId, /^ASIA[A-Z0-9]{16}$/);
  assert.equal(out.credentials.secretAccessKey.length, 40);
  assert.ok(out.credentials.sessionToken.length > 100);
  const ttl = Date.parse(out.credentials.expiration) - before;
  assert.ok(ttl > 895_000 && ttl <= 901_000, `expiration ~15 min away, got ${ttl} ms`);
  assert.equal(new Date(out.credentials.expiration).toISOString(), out.credentials.expiration);
  assert.equal(out.assumedRoleArn, `arn:aws:sts::${ACCOUNT}:assumed-role/${ROLE}/alice`);
  assert.match(
    out.requestId ?? '',
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  );
  assert.equal(out.sourceIdentity, 'alice@example.com');

  const issued = s.emulator.credentials.get(out.credentials.accessKeyId);
  assert.ok(issued, 'the emulator issued exactly these credentials');
  assert.equal(issued.secretAccessKey, out.credentials.secretAccessKey);
  assert.equal(issued.sessionToken, out.credentials.sessionToken);
  assert.equal(issued.subject, 'user-123');
  assert.equal(issued.sessionName, 'alice');
  assert.equal(issued.audience, CLIENT_ID);
  assert.equal(issued.provider, `arn:aws:iam::${ACCOUNT}:oidc-provider/${s.issuer.providerUrl}`);
  assert.equal(s.emulator.requests.sts, 1, 'one call, no retry');
});

test('without a source identity claim the result has none', async (t) => {
  const s = await startStack(t);
  const gateway = createSdkStsGateway({ endpoint: s.emulator.url });
  const out = await gateway.assumeRoleWithWebIdentity(s.input(await s.mint()));
  assert.equal(out.sourceIdentity, undefined);
  assert.deepEqual(s.emulator.credentials.get(out.credentials.accessKeyId)?.tags, []);
});

test('session tags and transitive tag keys reach STS', async (t) => {
  const s = await startStack(t);
  const gateway = createSdkStsGateway({ endpoint: s.emulator.url });
  const token = await s.mint({
    sessionTags: { team: 'platform', 'cost-center': '4711', email: 'alice@example.com' },
    transitiveTagKeys: ['team'],
    sourceIdentity: 'alice',
  });
  const out = await gateway.assumeRoleWithWebIdentity(s.input(token));
  const issued = s.emulator.credentials.get(out.credentials.accessKeyId);
  assert.ok(issued);
  assert.deepEqual(issued.tags, [
    { key: 'team', value: 'platform' },
    { key: 'cost-center', value: '4711' },
    { key: 'email', value: 'alice@example.com' },
  ]);
  assert.deepEqual(issued.transitiveTagKeys, ['team']);
  assert.equal(issued.sourceIdentity, 'alice');
});

test('a token for another audience → STS_TOKEN_INVALID', async (t) => {
  const s = await startStack(t);
  const gateway = createSdkStsGateway({ endpoint: s.emulator.url });
  const token = await s.mint({ audience: 'not-the-iam-client-id' });
  await assertFails(
    gateway.assumeRoleWithWebIdentity(s.input(token)),
    'STS_TOKEN_INVALID',
    'InvalidIdentityTokenException',
  );
  assert.equal(s.emulator.credentials.all().length, 0);
});

test('an expired token (past the 5 minute skew) → STS_TOKEN_EXPIRED', async (t) => {
  const s = await startStack(t);
  const gateway = createSdkStsGateway({ endpoint: s.emulator.url });
  const token = await s.mint({ now: new Date(Date.now() - 20 * 60_000), lifetimeSeconds: 300 });
  await assertFails(
    gateway.assumeRoleWithWebIdentity(s.input(token)),
    'STS_TOKEN_EXPIRED',
    'ExpiredTokenException',
  );
  assert.equal(s.emulator.credentials.all().length, 0);
});

test('a subject the trust policy does not allow → STS_DENIED', async (t) => {
  const s = await startStack(t);
  const gateway = createSdkStsGateway({ endpoint: s.emulator.url });
  const token = await s.mint({ subject: 'mallory' });
  await assertFails(
    gateway.assumeRoleWithWebIdentity(s.input(token)),
    'STS_DENIED',
    'AccessDenied',
  );
  assert.equal(s.emulator.credentials.all().length, 0);
});

test('a duration above the role’s MaxSessionDuration → STS_DURATION_INVALID', async (t) => {
  const s = await startStack(t);
  const gateway = createSdkStsGateway({ endpoint: s.emulator.url });
  const token = await s.mint();
  await assertFails(
    gateway.assumeRoleWithWebIdentity(s.input(token, { durationSeconds: 7200 })),
    'STS_DURATION_INVALID',
    'ValidationError',
  );
  assert.equal(s.emulator.credentials.all().length, 0);
});

test('STS cannot reach the issuer’s JWKS → STS_IDP_UNREACHABLE', async (t) => {
  const s = await startStack(t);
  const gateway = createSdkStsGateway({ endpoint: s.emulator.url });
  const token = await s.mint();
  await s.issuer.close();
  await assertFails(
    gateway.assumeRoleWithWebIdentity(s.input(token)),
    'STS_IDP_UNREACHABLE',
    'IDPCommunicationErrorException',
  );
});

test('STS not running (connection refused) → STS_UNAVAILABLE', async (t) => {
  const s = await startStack(t);
  const gateway = createSdkStsGateway({ endpoint: `http://127.0.0.1:${await closedPort()}` });
  const token = await s.mint();
  await assertFails(gateway.assumeRoleWithWebIdentity(s.input(token)), 'STS_UNAVAILABLE');
});

test(
  'STS accepting the connection but never answering → STS_UNAVAILABLE within timeoutMs',
  { timeout: 15_000 },
  async (t) => {
    const s = await startStack(t);
    const hung = createServer(() => {
      // Never answers.
    });
    const port = await listen(hung);
    t.after(() => close(hung));
    const gateway = createSdkStsGateway({ endpoint: `http://127.0.0.1:${port}`, timeoutMs: 300 });
    const token = await s.mint();
    const started = Date.now();
    await assertFails(gateway.assumeRoleWithWebIdentity(s.input(token)), 'STS_UNAVAILABLE');
    // Two attempts (maxAttempts 2) of 300 ms plus the retry back-off; far below a hung request.
    assert.ok(Date.now() - started < 5_000, `gave up after ${Date.now() - started} ms`);
  },
);

// ---- Faults STS answers (issue 14 §5): retried as the SDK retries, else a clear error ----

const STS_ERROR = (code: string) =>
  `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${code}</Code><Message>injected</Message></Error><RequestId>f-1</RequestId></ErrorResponse>`;

/** STS in front of the emulator that answers the first `failures` requests with `status`/`code`. */
async function flakySts(t: TestContext, target: string, failures: number, status: number, code: string): Promise<{ url: string; seen: () => number }> {
  let seen = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen += 1;
      if (seen <= failures) {
        res.writeHead(status, { 'Content-Type': 'text/xml' }).end(STS_ERROR(code));
        return;
      }
      void fetch(`${target}${req.url ?? '/'}`, { method: req.method, headers: { 'Content-Type': req.headers['content-type'] ?? '' }, body: Buffer.concat(chunks) })
        .then(async (r) => res.writeHead(r.status, { 'Content-Type': r.headers.get('content-type') ?? 'text/xml' }).end(await r.text()));
    });
  });
  const port = await listen(server);
  t.after(() => close(server));
  return { url: `http://127.0.0.1:${port}`, seen: () => seen };
}

for (const [status, code] of [[400, 'Throttling'], [500, 'InternalFailure'], [503, 'ServiceUnavailable']] as const) {
  test(`issue 14 §5: one ${code} (${status}) is retried with the SDK's back-off, and the issuance succeeds`, async (t) => {
    const s = await startStack(t);
    const sts = await flakySts(t, s.emulator.url, 1, status, code);
    const gateway = createSdkStsGateway({ endpoint: sts.url });
    const result = await gateway.assumeRoleWithWebIdentity(s.input(await s.mint()));
    assert.match(result.assumedRoleArn, /:assumed-role\//);
    assert.equal(sts.seen(), 2);
  });
}

test('issue 14 §5: STS throttling that does not stop → STS_UNAVAILABLE after two attempts, AWS text kept internal', async (t) => {
  const s = await startStack(t);
  const sts = await flakySts(t, s.emulator.url, 99, 400, 'Throttling');
  const gateway = createSdkStsGateway({ endpoint: sts.url });
  await assertFails(gateway.assumeRoleWithWebIdentity(s.input(await s.mint())), 'STS_UNAVAILABLE', 'Throttling');
  assert.equal(sts.seen(), 2);
});

// ---- Endpoints without an override: the role's region and partition decide (AWS-FACTS §1.4) ----

const REGIONAL: [region: string, endpoint: string][] = [
  ['eu-west-1', 'https://sts.eu-west-1.amazonaws.com'],
  ['us-east-1', 'https://sts.us-east-1.amazonaws.com'],
  ['us-gov-west-1', 'https://sts.us-gov-west-1.amazonaws.com'],
  ['cn-north-1', 'https://sts.cn-north-1.amazonaws.com.cn'],
];

/**
 * The SDK also takes endpoints and FIPS/dual-stack switches from the environment and ~/.aws/config;
 * clear them so the test sees the defaults the gateway relies on.
 */
function withoutEndpointConfig(t: TestContext): void {
  const env = process.env;
  const names = [
    'AWS_ENDPOINT_URL',
    'AWS_ENDPOINT_URL_STS',
    'AWS_USE_FIPS_ENDPOINT',
    'AWS_USE_DUALSTACK_ENDPOINT',
    'AWS_CONFIG_FILE',
    'AWS_SHARED_CREDENTIALS_FILE',
    'AWS_PROFILE',
  ];
  const saved = new Map(names.map((n) => [n, env[n]]));
  for (const n of names) delete env[n];
  env.AWS_CONFIG_FILE = '/nonexistent/rolegate-test/config';
  env.AWS_SHARED_CREDENTIALS_FILE = '/nonexistent/rolegate-test/credentials';
  t.after(() => {
    for (const [n, v] of saved) {
      if (v === undefined) delete env[n];
      else env[n] = v;
    }
  });
}

test('the SDK resolves the regional STS endpoint of each partition', (t) => {
  withoutEndpointConfig(t);
  for (const [region, endpoint] of REGIONAL) {
    const client = new STSClient({ region });
    const params = {
      Region: region,
      UseFIPS: false,
      UseDualStack: false,
      UseGlobalEndpoint: false,
    };
    assert.equal(client.config.endpointProvider(params).url.origin, endpoint, region);
    client.destroy();
  }
  // With the legacy global endpoint switched on, legacy regions would go to sts.amazonaws.com (v1 tokens,
  // AWS-FACTS §1.4): this is what the gateway must not do.
  const legacy = new STSClient({ region: 'eu-west-1' });
  const global = {
    Region: 'eu-west-1',
    UseFIPS: false,
    UseDualStack: false,
    UseGlobalEndpoint: true,
  };
  assert.equal(legacy.config.endpointProvider(global).url.origin, 'https://sts.amazonaws.com');
  legacy.destroy();
});

/**
 * Catches every HTTPS request the SDK makes and forwards it over plain HTTP to the emulator, recording
 * the origin the SDK meant to reach. Restored when the test ends.
 */
function interceptHttps(t: TestContext, emulatorUrl: string): string[] {
  const target = new URL(emulatorUrl);
  const origins: string[] = [];
  t.mock.method(
    https,
    'request',
    (options: https.RequestOptions, callback?: (res: IncomingMessage) => void) => {
      origins.push(
        `https://${options.host ?? options.hostname ?? ''}${options.port ? `:${options.port}` : ''}`,
      );
      const { agent: _agent, ...rest } = options;
      return httpRequest(
        { ...rest, protocol: 'http:', host: target.hostname, port: target.port },
        callback,
      );
    },
  );
  return origins;
}

test('without an endpoint override the gateway calls the regional endpoint of the role’s region', async (t) => {
  withoutEndpointConfig(t);
  const s = await startStack(t);
  const origins = interceptHttps(t, s.emulator.url);
  const gateway = createSdkStsGateway();
  // Twice round: each region's client (and its cached middleware chain) is reused, never mixed up.
  for (const round of [1, 2]) {
    for (const [region, endpoint] of REGIONAL) {
      const out = await gateway.assumeRoleWithWebIdentity(s.input(await s.mint(), { region, roleSessionName: `alice-${round}` }));
      assert.equal(origins.at(-1), endpoint, region);
      assert.equal(out.assumedRoleArn, `arn:aws:sts::${ACCOUNT}:assumed-role/${ROLE}/alice-${round}`);
    }
  }
  assert.equal(origins.length, 2 * REGIONAL.length, 'one request per call');
  assert.equal(s.emulator.requests.sts, 2 * REGIONAL.length);
});
