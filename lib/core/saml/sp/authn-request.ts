/**
 * The HTTP-Redirect AuthnRequest (saml-core §3.4.1, saml-bindings §3.4) with the connection's NameIDPolicy
 * and ForceAuthn. samlify's own tags always name a Format (its metadata's first NameIDFormat) and send
 * AllowCreate="false"; its public `customTagReplacement` hook lets us fill its default template instead:
 * a Format only when one is asked for (`omit` leaves the IdP its configured one), AllowCreate="true" so an
 * IdP may create the persistent identifier of a first sign-in, and ForceAuthn only when it is true.
 * samlify still deflates, encodes and (when the IdP wants it) signs the request.
 */
import { randomUUID } from 'node:crypto';
import { Constants, SamlLib, type IdentityProviderInstance, type ServiceProviderInstance } from 'samlify';

export interface AuthnRequestFields {
  spEntityId: string;
  acsUrl: string;
  /** The IdP's HTTP-Redirect SingleSignOnService. */
  destination: string;
  /** The NameIDPolicy Format; undefined: a NameIDPolicy without one. */
  nameIdFormat?: string;
  forceAuthn: boolean;
  relayState?: string;
}

/** Builds the redirect URL; resolves with the request ID the caller must store. */
export function authnRequestRedirect(sp: ServiceProviderInstance, idp: IdentityProviderInstance, f: AuthnRequestFields): { url: string; id: string } {
  const id = `_${randomUUID()}`;
  const { context } = sp.createLoginRequest(idp, 'redirect', {
    relayState: f.relayState,
    customTagReplacement: (template) => ({
      id,
      // Every placeholder of samlify's default template is named: an undefined value drops its attribute.
      context: SamlLib.replaceTagsByValue(template, {
        ID: id,
        IssueInstant: new Date().toISOString(),
        Destination: f.destination,
        Issuer: f.spEntityId,
        ProtocolBinding: Constants.namespace.binding.post,
        AssertionConsumerServiceURL: f.acsUrl,
        AssertionConsumerServiceIndex: undefined,
        NameIDFormat: f.nameIdFormat,
        AllowCreate: 'true',
        ForceAuthn: f.forceAuthn ? 'true' : undefined,
      }),
    }),
  });
  return { url: context, id };
}
