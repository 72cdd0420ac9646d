/**
 * A front for the test OIDC IdP (e2e/support/oidc-idp, started with `publicUrl` = this front's URL), so a
 * test breaks one thing a relying party depends on while the rest of the IdP works (issue 14 §5):
 * - `jwks: 'refused'`: the discovery document names a JWKS URI where nothing listens;
 * - `jwks: 'reset'`: the JWKS request's connection is dropped without an answer;
 * - `jwks: 503`: the JWKS request is answered with an HTTP error;
 * - `jwks: 'hang'`: the JWKS request is accepted and never answered;
 * - `clock`: the IdP's clock is off by `offsetSeconds`: ID tokens come back re-signed by the front with
 *   `iat`/`exp` shifted (and `nbf` = `iat` when asked), and the JWKS holds the front's key.
 * Everything else is passed through unchanged, Host header included.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer } from 'node:net';
import { decodeJwt, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { listenLocalhost, readBody } from '../../../../e2e/support/http-kit';

export interface IdpFaults {
  jwks?: 'refused' | 'reset' | 503 | 'hang';
  clock?: { offsetSeconds: number; nbf?: boolean };
}

export interface IdpFront {
  /** `http://localhost:<port>`: the IdP's public URL. */
  url: string;
  /** The IdP's own port, once it listens. */
  target: number;
  /** What is broken now; change it between requests. */
  faults: IdpFaults;
  close(): Promise<void>;
}

const KID = 'skewed-clock';

async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as { port: number };
  await new Promise((resolve) => s.close(resolve));
  return port;
}

/** One request to the IdP; resolves with its status, raw headers and body. */
function upstream(port: number, req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: string[]; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const out = http.request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.rawHeaders, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    out.on('error', reject);
    out.end(body);
  });
}

/** Raw headers without the framing ones (the body may have been rewritten). */
function withoutFraming(raw: string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] ?? '';
    if (!/^(content-length|transfer-encoding|connection|keep-alive)$/i.test(name)) pairs.push([name, raw[i + 1] ?? '']);
  }
  return pairs;
}

interface Signer {
  key: CryptoKey;
  jwk: JWK;
}

/** The ID token of a token response, re-signed with the clock offset. */
async function skewed(body: Buffer, clock: NonNullable<IdpFaults['clock']>, signer: Signer): Promise<Buffer> {
  const tokens = JSON.parse(body.toString('utf8')) as { id_token?: string };
  if (!tokens.id_token) return body;
  const claims = decodeJwt(tokens.id_token);
  const iat = (claims.iat ?? 0) + clock.offsetSeconds;
  const exp = (claims.exp ?? 0) + clock.offsetSeconds;
  const id_token = await new SignJWT({ ...claims, iat, exp, ...(clock.nbf ? { nbf: iat } : {}) })
    .setProtectedHeader({ alg: 'RS256', kid: KID, typ: 'JWT' })
    .sign(signer.key);
  return Buffer.from(JSON.stringify({ ...tokens, id_token }));
}

async function rewrite(path: string, faults: IdpFaults, body: Buffer, signer: Signer, deadJwks: string): Promise<Buffer> {
  if (path.endsWith('/.well-known/openid-configuration') && faults.jwks === 'refused') {
    return Buffer.from(JSON.stringify({ ...(JSON.parse(body.toString('utf8')) as object), jwks_uri: deadJwks }));
  }
  if (path.endsWith('/token') && faults.clock) return skewed(body, faults.clock, signer);
  if (path.endsWith('/jwks') && faults.clock) return Buffer.from(JSON.stringify({ keys: [{ ...signer.jwk, kid: KID, alg: 'RS256', use: 'sig' }] }));
  return body;
}

/** Starts the front; start the IdP with `publicUrl: front.url` and set `front.target` to its port. */
export async function startIdpFront(): Promise<IdpFront> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const signer = { key: privateKey, jwk: await exportJWK(publicKey) };
  const deadJwks = `http://localhost:${await closedPort()}/jwks`;
  const front: IdpFront = { url: '', target: 0, faults: {}, close: async () => undefined };
  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path.endsWith('/jwks') && front.faults.jwks === 'reset') return void req.socket.destroy();
    if (path.endsWith('/jwks') && front.faults.jwks === 503) return void res.writeHead(503).end('Service Unavailable');
    if (path.endsWith('/jwks') && front.faults.jwks === 'hang') return; // closed with the front
    const got = await upstream(front.target, req, await readBody(req, 1_000_000, () => new Error('too large')));
    const body = got.status === 200 ? await rewrite(path, front.faults, got.body, signer, deadJwks) : got.body;
    res.writeHead(got.status, [...withoutFraming(got.headers), ['content-length', String(body.length)]].flat());
    res.end(body);
  };
  const local = await listenLocalhost((req, res) => void serve(req, res).catch(() => res.destroy()), 0);
  await local.addIpv6();
  front.url = `http://localhost:${local.port}`;
  front.close = local.close;
  return front;
}
