/**
 * Rolegate as a SAML 2.0 service provider for upstream IdPs. See create-saml-sp.ts for the API and
 * validate-response.ts for the order of checks.
 */
export { createSamlSp } from './create-saml-sp';
export { SamlValidationError } from './trace';
export { MAX_RESPONSE_BYTES } from './gate';
export type {
  AuthnRequestOptions,
  ReplayStore,
  RequestStore,
  SamlRejection,
  SamlSp,
  SamlSpConnection,
  TraceEntry,
  ValidateContext,
  ValidatedAssertion,
} from './types';
