/**
 * `createSamlSp(conn)`: one upstream SAML IdP connection, prepared once: metadata parsed, certificate keys
 * imported and cached, samlify entities built. Rolegate is the SP (saml-profiles §4.1 Web Browser SSO):
 * HTTP-Redirect AuthnRequests out, HTTP-POST Responses in.
 */
import { Constants, IdentityProvider, ServiceProvider, type ServiceProviderInstance } from 'samlify';
import { GatewayError } from '../../errors';
import { acceptedNameIdFormats, requestedNameIdFormat } from '../name-id';
import { authnRequestRedirect } from './authn-request';
import { logoutRequestXml, logoutResponseXml } from './logout-messages';
import { validateLogoutRequest, type LogoutRuntime } from './logout-request';
import { parseIdpMetadata, type IdpMetadata } from './metadata';
import { signedRedirectUrl } from './redirect-binding';
import { ensureSchemaValidator } from './samlify-schema';
import type { AuthnRequestOptions, LogoutStatus, SamlSessionRef, SamlSp, SamlSpConnection } from './types';
import { validateSamlResponse, type SpRuntime } from './validate-response';

const BINDING_POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';
const BINDING_REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const DEFAULT_SKEW_SECONDS = 60;
const MAX_SKEW_SECONDS = 300;

function config(message: string): GatewayError {
  return new GatewayError('CONFIG_INVALID', `SAML connection: ${message}`);
}

function checkConnection(conn: SamlSpConnection): number {
  if (!conn.spEntityId || !conn.acsUrl) throw config('spEntityId and acsUrl are required');
  if (!/^https?:\/\//.test(conn.acsUrl)) throw config('acsUrl must be an http(s) URL');
  if (conn.sloUrl !== undefined && !/^https?:\/\//.test(conn.sloUrl)) throw config('sloUrl must be an http(s) URL');
  if (!conn.spSigningKey !== !conn.spSigningCert) throw config('spSigningKey and spSigningCert go together');
  if (!conn.spEncryptionKey !== !conn.spEncryptionCert) throw config('spEncryptionKey and spEncryptionCert go together');
  const skew = conn.clockSkewSeconds ?? DEFAULT_SKEW_SECONDS;
  if (!Number.isFinite(skew) || skew < 0 || skew > MAX_SKEW_SECONDS) throw config(`clockSkewSeconds must be 0–${MAX_SKEW_SECONDS}`);
  return skew * 1000;
}

/** The samlify SP entity; `withDecryption` adds the encryption key (used only to decrypt). */
function buildSp(conn: SamlSpConnection, signRequests: boolean, skewMs: number, withDecryption: boolean, sloUrl?: string): ServiceProviderInstance {
  return ServiceProvider({
    entityID: conn.spEntityId,
    assertionConsumerService: [{ Binding: BINDING_POST, Location: conn.acsUrl }],
    // Advertised only while single logout is on (sloUrlOf); both bindings reach logout-request.ts.
    singleLogoutService: sloUrl ? [{ Binding: BINDING_REDIRECT, Location: sloUrl }, { Binding: BINDING_POST, Location: sloUrl }] : undefined,
    authnRequestsSigned: signRequests,
    wantAssertionsSigned: true,
    requestSignatureAlgorithm: Constants.algorithms.signature.RSA_SHA256,
    privateKey: signRequests ? conn.spSigningKey : undefined,
    signingCert: conn.spSigningCert,
    encryptCert: conn.spEncryptionCert,
    encPrivateKey: withDecryption ? conn.spEncryptionKey : undefined,
    // Listed in our SP metadata only: the AuthnRequest's NameIDPolicy is built by authn-request.ts.
    nameIDFormat: [...(conn.nameIdFormats ?? acceptedNameIdFormats({ nameIdPolicy: conn.nameIdPolicy ?? 'omit' }))],
    // Must stay false: decrypt.ts decrypts before samlify runs, outside the parse memo (it mutates documents).
    isAssertionEncrypted: false,
    clockDrifts: [-skewMs, skewMs],
  });
}

/** Our SLO URL when single logout is on: we have one, the IdP has an HTTP-Redirect SLO, and we can sign. */
function sloUrlOf(conn: SamlSpConnection, meta: IdpMetadata): string | undefined {
  return conn.sloUrl && meta.redirectSlo && conn.spSigningKey ? conn.sloUrl : undefined;
}

/** Single logout for one connection: our signed messages out, the IdP's requests through our own pipeline. */
function singleLogout(conn: SamlSpConnection, meta: IdpMetadata, rt: SpRuntime, sloUrl: string) {
  const slo = meta.redirectSlo as NonNullable<IdpMetadata['redirectSlo']>;
  const key = conn.spSigningKey as string;
  const header = (destination: string) => ({ issuer: conn.spEntityId, destination, now: new Date() });
  const runtime: LogoutRuntime = { ...rt, sloUrl, keys: meta.signingCerts.map((c) => c.key) };
  return {
    runtime,
    request(session: SamlSessionRef, relayState?: string) {
      const { id, xml } = logoutRequestXml(header(slo.location), session);
      return { id, url: signedRedirectUrl(slo.location, 'SAMLRequest', xml, key, relayState) };
    },
    response: (inResponseTo: string, status: LogoutStatus, relayState?: string) =>
      signedRedirectUrl(slo.responseLocation, 'SAMLResponse', logoutResponseXml(header(slo.responseLocation), inResponseTo, status), key, relayState),
  };
}

/**
 * Prepares a connection. Throws GatewayError CONFIG_INVALID / SAML_METADATA_INVALID on bad configuration,
 * so a broken connection fails when it is loaded, not at a user's sign-in.
 */
export function createSamlSp(conn: SamlSpConnection): SamlSp {
  const skewMs = checkConnection(conn);
  ensureSchemaValidator();
  const meta = parseIdpMetadata(conn.idpMetadataXml);
  if (meta.wantAuthnRequestsSigned && !conn.spSigningKey) throw config('the IdP wants signed AuthnRequests: set spSigningKey');
  const idp = IdentityProvider({
    entityID: meta.entityId,
    signingCert: meta.signingCerts.map((c) => c.body),
    singleSignOnService: meta.singleSignOnServices,
    wantAuthnRequestsSigned: meta.wantAuthnRequestsSigned,
  });
  const sloUrl = sloUrlOf(conn, meta);
  const sp = buildSp(conn, meta.wantAuthnRequestsSigned, skewMs, false, sloUrl);
  const runtime: SpRuntime = {
    spEntityId: conn.spEntityId,
    acsUrl: conn.acsUrl,
    idpEntityId: meta.entityId,
    trustedCerts: new Set(meta.signingCerts.map((c) => c.body)),
    keys: meta.signingCerts.map(({ body, key }) => ({ body, key })),
    allowIdpInitiated: conn.allowIdpInitiated,
    allowSha1: conn.DANGEROUSLY_ALLOW_SHA1 === true,
    skewMs,
    sp,
    idp,
    decryptingSp: conn.spEncryptionKey ? buildSp(conn, meta.wantAuthnRequestsSigned, skewMs, true) : undefined,
  };
  const logout = sloUrl ? singleLogout(conn, meta, runtime, sloUrl) : undefined;
  return {
    spMetadataXml: () => sp.getMetadata(),
    singleLogout: logout !== undefined,
    createLogoutRequest: (session, relayState) => logout?.request(session, relayState),
    createLogoutResponse: (inResponseTo, status, relayState) => logout?.response(inResponseTo, status, relayState),
    validateLogoutRequest: (input, ctx) => {
      // Without single logout there is no SLO endpoint to have sent this to.
      if (!logout) return Promise.reject(new GatewayError('NOT_FOUND', 'single logout is off for this connection'));
      return validateLogoutRequest(logout.runtime, input, ctx);
    },
    createAuthnRequest(opts: AuthnRequestOptions = {}) {
      if (!meta.redirectSsoUrl) throw config('the IdP metadata has no HTTP-Redirect SingleSignOnService');
      return authnRequestRedirect(sp, idp, {
        spEntityId: conn.spEntityId,
        acsUrl: conn.acsUrl,
        destination: meta.redirectSsoUrl,
        nameIdFormat: requestedNameIdFormat(conn.nameIdPolicy ?? 'omit'),
        forceAuthn: opts.forceAuthn === true,
        relayState: opts.relayState,
      });
    },
    validateResponse: (samlResponseBase64, ctx) => validateSamlResponse(runtime, samlResponseBase64, ctx),
  };
}
