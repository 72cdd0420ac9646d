/**
 * The demo / test SAML 2.0 IdP: one plain Node http server hosting four IdP "shapes" under path prefixes —
 * `/adfs`, `/okta`, `/entra`, `/shibboleth` — each with its own signing key/cert (generated at start), metadata
 * at `<prefix>/metadata`, and responses shaped like that product's (see shapes.ts, users.ts, response-xml.ts).
 *
 * `issueResponse` builds a response directly, without the browser flow, for the gateway's tests and attack suite.
 *
 * Local demo and tests only: plain http on localhost (loopback interfaces only), every demo password is `demo`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { listenLocalhost, sendPage } from '../http-kit';
import { createShape, registerSp, type RegisteredSp, type ShapeRuntime, type SpRegistration } from './entities';
import { handleShape, type IdpState } from './handlers';
import { issueSamlResponse, type ResponseOptions, type ResponseTarget } from './issue';
import { SHAPE_IDS, SHAPES, type ShapeId } from './shapes';
import { PendingSignIns } from './sso';
import { findUser } from './users';
import { ensureSchemaValidator } from './xml';

export type { SpRegistration } from './entities';
export type { ShapeId } from './shapes';

export interface SamlIdpOptions<S extends ShapeId = ShapeId> {
  /** 0 (the default) picks a random free port. */
  port?: number;
  /** Registered at every shape. */
  sps: SpRegistration[];
  /** Default: all four. */
  shapes?: readonly S[];
  /** Publish WantAuthnRequestsSigned="true" and require every AuthnRequest to be signed (SPs then need metadataXml). */
  wantAuthnRequestsSigned?: boolean;
}

export interface ShapeEndpoints {
  entityId: string;
  metadataUrl: string;
  metadataXml: string;
  ssoUrl: string;
  /** `<prefix>/idp-init` — add `?sp=<entityId>` (and optionally `&RelayState=…`). */
  idpInitUrl: string;
  certPem: string;
}

export interface IssueResponseOptions<S extends ShapeId = ShapeId> extends ResponseOptions {
  shape: S;
  /** A demo user's login, e.g. `sam@example.com`. */
  user: string;
  /** A registered SP's entity id, or any `{ entityId, acsUrl }` (Audience = entityId; Destination = Recipient = acsUrl). */
  sp: string | ResponseTarget;
}

export interface SamlIdp<S extends ShapeId = ShapeId> {
  /** `http://localhost:<port>` */
  url: string;
  shapes: Record<S, ShapeEndpoints>;
  close(): Promise<void>;
  /** The base64 SAMLResponse, as it would be POSTed to the ACS. */
  issueResponse(opts: IssueResponseOptions<S>): Promise<string>;
}

function route(shapes: readonly ShapeRuntime[], state: IdpState, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const rt = shapes.find((s) => url.pathname.startsWith(`${s.prefix}/`));
  if (!rt) {
    sendPage(res, 404, `Demo SAML IdP. Shapes: ${shapes.map((s) => s.prefix).join(', ')}\n`, 'text/plain; charset=utf-8');
    return;
  }
  void handleShape(state, rt, req, res, url);
}

function registry(sps: readonly SpRegistration[]): Map<string, RegisteredSp> {
  const map = new Map<string, RegisteredSp>();
  for (const reg of sps) {
    if (map.has(reg.entityId)) throw new Error(`SP ${reg.entityId} registered twice`);
    map.set(reg.entityId, registerSp(reg));
  }
  return map;
}

function endpoints(rt: ShapeRuntime): ShapeEndpoints {
  const { entityId, metadataUrl, metadataXml, ssoUrl, certPem } = rt;
  return { entityId, metadataUrl, metadataXml, ssoUrl, certPem, idpInitUrl: ssoUrl.replace(/\/sso$/, '/idp-init') };
}

function target(sps: ReadonlyMap<string, RegisteredSp>, sp: string | ResponseTarget): ResponseTarget {
  if (typeof sp !== 'string') return sp;
  const registered = sps.get(sp);
  if (!registered) throw new Error(`SP ${sp} is not registered`);
  return { entityId: registered.entityId, acsUrl: registered.acsUrls[0] ?? '' };
}

function issuer(runtimes: readonly ShapeRuntime[], sps: ReadonlyMap<string, RegisteredSp>) {
  return async (opts: IssueResponseOptions): Promise<string> => {
    const rt = runtimes.find((r) => r.info.id === opts.shape);
    const user = findUser(opts.shape, opts.user);
    if (!rt) throw new Error(`shape ${opts.shape} is not running`);
    if (!user) throw new Error(`no demo user ${opts.user} at ${opts.shape}`);
    return issueSamlResponse(rt, user, target(sps, opts.sp), opts);
  };
}

/**
 * Starts the IdP. `localhost` is served on 127.0.0.1 and, when available, on ::1 with the same port, so whichever
 * address a browser or Node resolves `localhost` to reaches it.
 */
export async function startSamlIdp<S extends ShapeId = ShapeId>(opts: SamlIdpOptions<S>): Promise<SamlIdp<S>> {
  ensureSchemaValidator();
  const state: IdpState = { sps: registry(opts.sps), pending: new PendingSignIns() };
  let runtimes: readonly ShapeRuntime[] = [];
  const onRequest = (req: IncomingMessage, res: ServerResponse): void => route(runtimes, state, req, res);
  const local = await listenLocalhost(onRequest, opts.port ?? 0);
  const url = `http://localhost:${local.port}`;
  const ids = opts.shapes ?? (SHAPE_IDS as readonly S[]);
  runtimes = await Promise.all(ids.map((id) => createShape(SHAPES[id], url, opts.wantAuthnRequestsSigned)));
  await local.addIpv6();
  return {
    url,
    shapes: Object.fromEntries(runtimes.map((rt) => [rt.info.id, endpoints(rt)])) as Record<S, ShapeEndpoints>,
    close: local.close,
    issueResponse: issuer(runtimes, state.sps),
  };
}
