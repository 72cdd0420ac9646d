/** What every emulator handler receives: config, clock and the in-memory state. */
import type { AuthorizationMessages } from './authorization-message';
import type { EmulatorConfig } from './config';
import type { CredentialStore } from './credential-store';
import type { FederationStore } from './federation-store';
import type { JwksCache } from './jwks-cache';
import type { RolePolicyStore } from './role-policies';
import type { SamlChoiceStore } from './saml-choice-store';

export interface EmulatorContext {
  readonly config: EmulatorConfig;
  /** Epoch milliseconds; injectable so tests can expire credentials and tokens. */
  readonly now: () => number;
  readonly credentials: CredentialStore;
  readonly federation: FederationStore;
  /** IAM role inline policies (PutRolePolicy); their explicit denies revoke sessions. */
  readonly rolePolicies: RolePolicyStore;
  /** Pending "Select a role" choices of the SAML console sign-in (`POST /saml`). */
  readonly samlChoices: SamlChoiceStore;
  /** Seals the details of denials (EC2 stand-in) and opens them for sts:DecodeAuthorizationMessage. */
  readonly authorizationMessages: AuthorizationMessages;
  /** The emulator's externally visible base URL (no trailing slash); the console lives at `/console`. */
  readonly publicUrl: string;
  /** Budget for each call to an OIDC issuer (discovery, JWKS); exceeding it is `IDPCommunicationError`. */
  readonly idpTimeoutMs: number;
  /** OIDC issuers' keys, cached as STS caches them (refetched on an unknown kid or after an hour). */
  readonly jwksCache: JwksCache;
}
