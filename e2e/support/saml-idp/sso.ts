/**
 * SP-initiated sign-in: reads an AuthnRequest (HTTP-Redirect: deflated, in the query; HTTP-POST: base64 form field)
 * with samlify, then checks what a real IdP checks before showing its login page — the Issuer is a registered SP,
 * the signature when one is required, Destination = our SSO URL, AssertionConsumerServiceURL registered for that SP.
 * Accepted requests wait in PendingSignIns until the login form is posted.
 */
import { randomBytes } from 'node:crypto';

import * as samlify from 'samlify';

import type { RegisteredSp, ShapeRuntime } from './entities';
import { type NameIdFormat, nameIdFormatFromUrn, type ShapeId } from './shapes';

export class SsoError extends Error {
  constructor(readonly status: 400 | 403, message: string) {
    super(message);
  }
}

export interface PendingSignIn {
  readonly shape: ShapeId;
  readonly sp: RegisteredSp;
  readonly acsUrl: string;
  /** The AuthnRequest ID; absent for IdP-initiated sign-in. */
  readonly requestId?: string;
  readonly relayState?: string;
  readonly nameIdFormat?: NameIdFormat;
}

const PENDING_TTL_MS = 10 * 60_000;

export class PendingSignIns {
  private readonly entries = new Map<string, { pending: PendingSignIn; expires: number }>();

  add(pending: PendingSignIn): string {
    const now = Date.now();
    for (const [id, entry] of this.entries) if (entry.expires <= now) this.entries.delete(id);
    const id = randomBytes(18).toString('base64url');
    this.entries.set(id, { pending, expires: now + PENDING_TTL_MS });
    return id;
  }

  get(id: string, shape: ShapeId): PendingSignIn | undefined {
    const entry = this.entries.get(id);
    return entry && entry.expires > Date.now() && entry.pending.shape === shape ? entry.pending : undefined;
  }

  delete(id: string): void {
    this.entries.delete(id);
  }
}

export interface SsoRequest {
  readonly binding: 'redirect' | 'post';
  readonly params: URLSearchParams;
  /** HTTP-Redirect only: the raw query string, from which the signed octet string is taken verbatim. */
  readonly rawQuery?: string;
}

/** `SAMLRequest=…&RelayState=…&SigAlg=…` exactly as received (SAML bindings §3.4.4.1). */
function octetString(rawQuery: string): string {
  const parts = rawQuery.split('&');
  return ['SAMLRequest', 'RelayState', 'SigAlg']
    .map((name) => parts.find((p) => p.startsWith(`${name}=`)))
    .filter((p): p is string => p !== undefined)
    .join('&');
}

type SamlifyHttpRequest = Parameters<samlify.IdentityProviderInstance['parseLoginRequest']>[2];

function samlifyRequest(req: SsoRequest): SamlifyHttpRequest {
  const fields = Object.fromEntries(['SAMLRequest', 'RelayState', 'SigAlg', 'Signature']
    .flatMap((name) => { const v = req.params.get(name); return v === null ? [] : [[name, v]]; }));
  return req.binding === 'redirect' ? { query: fields, octetString: octetString(req.rawQuery ?? '') } : { body: fields };
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

type Extract = Awaited<ReturnType<samlify.IdentityProviderInstance['parseLoginRequest']>>['extract'];

async function parse(idp: samlify.IdentityProviderInstance, sp: samlify.ServiceProviderInstance, req: SsoRequest): Promise<Extract> {
  return (await idp.parseLoginRequest(sp, req.binding, samlifyRequest(req))).extract;
}

/** Validates an AuthnRequest; throws SsoError (400 malformed, 403 refused). */
export async function acceptAuthnRequest(rt: ShapeRuntime, sps: ReadonlyMap<string, RegisteredSp>, req: SsoRequest): Promise<PendingSignIn> {
  if (!req.params.get('SAMLRequest')) throw new SsoError(400, 'Missing SAMLRequest');
  // Without a signature check samlify does not use the SP entity, so any registered one reads the request; the
  // signature (when required) is checked below against the SP the Issuer names.
  const anySp = sps.values().next().value;
  if (!anySp) throw new SsoError(403, 'No service provider is registered');
  const first = await parse(rt.readingIdp, anySp.entity, req).catch(() => undefined);
  const requestId = text(first?.request?.id);
  if (!first || !requestId) throw new SsoError(400, 'Malformed SAML AuthnRequest');
  const issuer = text(first.issuer);
  const sp = issuer === undefined ? undefined : sps.get(issuer);
  if (!sp) throw new SsoError(403, `Unknown service provider: ${issuer ?? '(no Issuer)'}`);
  if (rt.wantAuthnRequestsSigned || sp.signsRequests) {
    await parse(rt.verifyingIdp, sp.entity, req).catch(() => {
      throw new SsoError(403, 'AuthnRequest signature missing or invalid');
    });
  }
  const destination = text(first.request?.destination);
  if (destination !== undefined && destination !== rt.ssoUrl) throw new SsoError(403, `Wrong Destination: ${destination}`);
  const acs = text(first.request?.assertionConsumerServiceUrl);
  if (acs !== undefined && !sp.acsUrls.includes(acs)) {
    throw new SsoError(403, `AssertionConsumerServiceURL ${acs} is not registered for ${sp.entityId}`);
  }
  const format = text(first.nameIDPolicy?.format);
  return {
    shape: rt.info.id, sp, requestId,
    acsUrl: acs ?? sp.acsUrls[0] ?? '',
    relayState: req.params.get('RelayState') ?? undefined,
    nameIdFormat: format === undefined ? undefined : nameIdFormatFromUrn(format),
  };
}
