/**
 * Builds one oidc-provider `Provider` for an IdP flavour: fresh RS256 signing key and random cookie keys per start,
 * the given clients, PKCE (S256) required for every client, custom claims in the ID token, short TTLs, our own
 * interaction pages instead of the dev ones, and a self-confirming RP-initiated logout.
 */
import { randomBytes } from 'node:crypto';

import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';
import Provider, { type Account, type ClientMetadata, type ProviderContext } from 'oidc-provider';

import type { FlavourInfo } from './flavours';
import { errorPage, loggedOutPage, logoutPage } from './pages';
import { findUserBySub } from './users';

export interface DemoClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  /** Allowed `post_logout_redirect_uri`s; defaults to the origin (`http://host:port/`) of each redirect URI. */
  postLogoutRedirectUris?: string[];
  /** How the client authenticates at the token endpoint; default `client_secret_basic`. */
  tokenEndpointAuthMethod?: 'client_secret_basic' | 'client_secret_post';
}

async function signingJwks(): Promise<{ keys: object[] }> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk);
  return { keys: [{ ...jwk, kid, alg: 'RS256', use: 'sig' }] };
}

function clientMetadata(client: DemoClient): ClientMetadata {
  const origins = [...new Set(client.redirectUris.map((uri) => `${new URL(uri).origin}/`))];
  return {
    client_id: client.clientId,
    client_secret: client.clientSecret,
    redirect_uris: client.redirectUris,
    post_logout_redirect_uris: client.postLogoutRedirectUris ?? origins,
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: client.tokenEndpointAuthMethod ?? 'client_secret_basic',
  };
}

function findAccount(flavour: FlavourInfo) {
  return async (_ctx: ProviderContext, sub: string): Promise<Account | undefined> => {
    const user = findUserBySub(flavour.id, sub);
    if (!user) return undefined;
    return { accountId: user.sub, claims: async () => ({ ...user.claims, sub: user.sub }) };
  };
}

function html(ctx: ProviderContext, body: string): void {
  ctx.type = 'html';
  ctx.body = body;
}

export async function createProvider(flavour: FlavourInfo, issuer: string, clients: DemoClient[]): Promise<Provider> {
  const prefix = new URL(issuer).pathname;
  const provider = new Provider(issuer, {
    clients: clients.map(clientMetadata),
    jwks: await signingJwks(),
    cookies: {
      keys: [randomBytes(32).toString('base64url')],
      // Distinct names per issuer: all issuers (and Rolegate) share the cookie jar of `localhost`.
      names: {
        session: `${flavour.id}_idp_session`,
        interaction: `${flavour.id}_idp_interaction`,
        resume: `${flavour.id}_idp_interaction_resume`,
      },
      // `secure` is left to oidc-provider: it sets it when the request is https, so http://localhost works.
      long: { httpOnly: true, sameSite: 'lax', path: prefix },
      short: { httpOnly: true, sameSite: 'lax' },
    },
    claims: flavour.claims,
    scopes: ['openid'],
    conformIdTokenClaims: false,
    findAccount: findAccount(flavour),
    interactions: { url: (_ctx, interaction) => `${prefix}/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => html(ctx, logoutPage(flavour, form)),
        postLogoutSuccessSource: async (ctx) => html(ctx, loggedOutPage(flavour)),
      },
    },
    pkce: { required: () => true },
    responseTypes: ['code'],
    clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
    allowOmittingSingleRegisteredRedirectUri: false,
    clientBasedCORS: () => false,
    renderError: async (ctx, out) => html(ctx, errorPage(flavour, out.error ?? 'error', out.error_description)),
    ttl: {
      AccessToken: 5 * 60,
      IdToken: 5 * 60,
      AuthorizationCode: 60,
      Interaction: 10 * 60,
      Session: 60 * 60,
      Grant: 60 * 60,
    },
  });
  provider.on('server_error', (_ctx, err) => {
    console.error(`[demo-idp ${flavour.id}] server error: ${err instanceof Error ? err.message : String(err)}`);
  });
  return provider;
}
