/** What every emulator handler receives: config, clock and the in-memory state. */
import type { EmulatorConfig } from './config';
import type { CredentialStore } from './credential-store';
import type { FederationStore } from './federation-store';

export interface EmulatorContext {
  readonly config: EmulatorConfig;
  /** Epoch milliseconds; injectable so tests can expire credentials and tokens. */
  readonly now: () => number;
  readonly credentials: CredentialStore;
  readonly federation: FederationStore;
  /** The emulator's externally visible base URL (no trailing slash); the console lives at `/console`. */
  readonly publicUrl: string;
  /** Budget for each call to an OIDC issuer (discovery, JWKS); exceeding it is `IDPCommunicationError`. */
  readonly idpTimeoutMs: number;
}
