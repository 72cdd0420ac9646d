/**
 * Minimal local typings for the parts of `oidc-provider` v9 the demo IdP uses (the package ships no types and
 * @types/oidc-provider is not installed). Only what e2e/support/oidc-idp needs is declared here.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export type ClaimsScopeConfig = Record<string, string[] | null>;

  export interface ProviderContext {
    body: unknown;
    type: string;
    status: number;
    host: string;
    oidc: { client?: { clientId: string; clientName?: string } };
  }

  export interface AccountClaims {
    sub: string;
    [claim: string]: unknown;
  }

  export interface Account {
    accountId: string;
    claims(use: string, scope: string, claims: unknown, rejected: string[]): Promise<AccountClaims>;
  }

  export interface ClientMetadata {
    client_id: string;
    client_secret: string;
    redirect_uris: string[];
    post_logout_redirect_uris?: string[];
    grant_types?: string[];
    response_types?: string[];
    token_endpoint_auth_method?: string;
    client_name?: string;
  }

  export interface InteractionDetails {
    uid: string;
    prompt: {
      name: string;
      reasons: string[];
      details: {
        missingOIDCScope?: string[];
        missingOIDCClaims?: string[];
        missingResourceScopes?: Record<string, string[]>;
      };
    };
    params: Record<string, string | undefined>;
    session?: { accountId: string; uid: string };
    grantId?: string;
  }

  export interface InteractionResults {
    login?: { accountId: string; remember?: boolean; amr?: string[] };
    consent?: { grantId: string };
    error?: string;
    error_description?: string;
  }

  export interface Grant {
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    addResourceScope(indicator: string, scope: string): void;
    save(): Promise<string>;
  }

  export interface GrantModel {
    new (init: { accountId: string; clientId: string }): Grant;
    find(id: string): Promise<Grant | undefined>;
  }

  export type TtlValue = number | ((...args: unknown[]) => number);

  export interface Configuration {
    clients: ClientMetadata[];
    jwks: { keys: object[] };
    cookies: {
      keys: string[];
      names: { session: string; interaction: string; resume: string };
      long: { httpOnly: boolean; sameSite: 'lax' | 'strict'; path?: string };
      short: { httpOnly: boolean; sameSite: 'lax' | 'strict' };
    };
    claims: ClaimsScopeConfig;
    scopes: string[];
    conformIdTokenClaims: boolean;
    findAccount(ctx: ProviderContext, sub: string): Promise<Account | undefined>;
    interactions: { url(ctx: ProviderContext, interaction: { uid: string }): string };
    features: {
      devInteractions: { enabled: boolean };
      rpInitiatedLogout: {
        enabled: boolean;
        logoutSource(ctx: ProviderContext, form: string): Promise<void>;
        postLogoutSuccessSource(ctx: ProviderContext): Promise<void>;
      };
    };
    pkce: { required(): boolean };
    responseTypes: string[];
    clientAuthMethods: string[];
    allowOmittingSingleRegisteredRedirectUri: boolean;
    clientBasedCORS(): boolean;
    renderError(ctx: ProviderContext, out: Record<string, string>, error: Error): Promise<void>;
    ttl: Record<string, TtlValue>;
  }

  export class Provider {
    constructor(issuer: string, configuration: Configuration);
    readonly issuer: string;
    readonly Grant: GrantModel;
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResults,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  export namespace errors {
    export class OIDCProviderError extends Error {
      error: string;
      status: number;
    }
    export class SessionNotFound extends OIDCProviderError {}
  }

  export default Provider;
}
