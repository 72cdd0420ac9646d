/**
 * A tiny local OIDC issuer for the emulator tests: serves /.well-known/openid-configuration and a one-key
 * JWKS (RS256, generated per test) on a free port, and signs tokens. Re-exported by test-helpers.ts.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestContext } from 'node:test';
import {
  exportJWK,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from 'jose';

export const ACCOUNT = '111122223333';
export const CLIENT_ID = 'sts.amazonaws.com';

export interface TokenOptions {
  claims?: JWTPayload;
  /** Signing key; default the issuer's key. */
  key?: CryptoKey | Uint8Array;
  kid?: string;
  alg?: string;
}

export class TestIssuer {
  readonly kid = 'key-1';
  /** Replace what /.well-known/openid-configuration answers (e.g. a wrong issuer). */
  discoveryOverride?: Record<string, unknown>;
  /** When true the issuer accepts connections but never answers (IdP timeout). */
  hang = false;
  private port = 0;
  private readonly server: Server;

  private constructor(
    readonly privateKey: CryptoKey,
    private readonly jwk: JWK,
  ) {
    this.server = createServer((req, res) => this.handle(req, res));
  }

  /** Starts an issuer on 127.0.0.1 (as `http://localhost:<port>`); closed when the test ends. */
  static async start(t: TestContext): Promise<TestIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const issuer = new TestIssuer(privateKey, {
      ...(await exportJWK(publicKey)),
      kid: 'key-1',
      alg: 'RS256',
      use: 'sig',
    });
    await new Promise<void>((resolve) => issuer.server.listen(0, '127.0.0.1', resolve));
    issuer.port = (issuer.server.address() as AddressInfo).port;
    t.after(() => issuer.close());
    return issuer;
  }

  /** The `iss` value. */
  get iss(): string {
    return `http://localhost:${this.port}`;
  }

  /** How IAM stores the provider URL: `localhost:<port>`. */
  get providerUrl(): string {
    return `localhost:${this.port}`;
  }

  get providerArn(): string {
    return `arn:aws:iam::${ACCOUNT}:oidc-provider/${this.providerUrl}`;
  }

  /** Stops the issuer (also used to make the IdP unreachable). */
  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    if (this.hang) return;
    const body =
      req.url === '/.well-known/openid-configuration'
        ? (this.discoveryOverride ?? { issuer: this.iss, jwks_uri: `${this.iss}/jwks.json` })
        : req.url === '/jwks.json'
          ? { keys: [this.jwk] }
          : undefined;
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body ?? { error: 'not found' }));
  }
}

/** Signs a token with sensible defaults: iss, sub `user-123`, aud `sts.amazonaws.com`, 5 minutes. */
export async function mintToken(issuer: TestIssuer, opts: TokenOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims: JWTPayload = {
    iss: issuer.iss,
    sub: 'user-123',
    aud: CLIENT_ID,
    iat: now,
    exp: now + 300,
    ...opts.claims,
  };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: opts.alg ?? 'RS256', kid: opts.kid ?? issuer.kid, typ: 'JWT' })
    .sign(opts.key ?? issuer.privateKey);
}
