/**
 * The demo / test OpenID Provider: one plain Node http server hosting three oidc-provider issuers under path
 * prefixes — `/okta`, `/entra`, `/google` — each imitating the claim shapes of that IdP (see flavours.ts, users.ts).
 *
 * Mounting: each Provider's `callback()` gets the request with the prefix stripped from `req.url` and the full URL
 * kept in `req.originalUrl`, from which oidc-provider derives its mount path when it builds absolute URLs
 * (the same contract as express/connect mounting). `<prefix>/interaction/*` is served by interactions.ts.
 *
 * Local demo only: plain http on localhost (loopback interfaces only), every demo password is `demo`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { listenLocalhost, sendPage } from '../http-kit';
import { FLAVOURS } from './flavours';
import { handleInteraction, type Issuer } from './interactions';
import { createProvider, type DemoClient } from './provider';
import type { Flavour } from './users';

export type { DemoClient } from './provider';

export interface DemoIdpOptions {
  /** 0 (the default) picks a random free port. */
  port?: number;
  host?: 'localhost';
  /** Registered at every issuer. */
  clients: DemoClient[];
  /**
   * Where clients reach it, when that is not its own address: behind a proxy (a test's fault-injecting
   * front, lib/server/faults). The issuers and every URL they publish are then under this origin.
   */
  publicUrl?: string;
}

export interface DemoIdp {
  /** `http://localhost:<port>`, or `publicUrl`. */
  url: string;
  /** The port it listens on (on localhost), also behind a proxy. */
  port: number;
  issuers: Record<Flavour, string>;
  close(): Promise<void>;
}

function route(issuers: readonly Issuer[], req: IncomingMessage, res: ServerResponse): void {
  const url = req.url ?? '/';
  const path = url.split('?')[0] ?? '/';
  const idp = issuers.find((i) => path === i.prefix || path.startsWith(`${i.prefix}/`));
  if (!idp) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`Demo IdP. Issuers: ${issuers.map((i) => i.prefix).join(', ')}\n`);
    return;
  }
  const interactionPrefix = `${idp.prefix}/interaction/`;
  if (path.startsWith(interactionPrefix)) {
    void handleInteraction(idp, req, res, path.slice(interactionPrefix.length));
    return;
  }
  const rest = url.slice(idp.prefix.length);
  Object.assign(req, { originalUrl: url });
  req.url = rest.startsWith('/') ? rest : `/${rest}`;
  idp.provider.callback()(req, res).catch((err: unknown) => {
    console.error(`[demo-idp ${idp.flavour.id}] ${err instanceof Error ? err.message : String(err)}`);
    if (!res.headersSent) sendPage(res, 500, 'Internal error');
  });
}

/**
 * Starts the demo IdP. `localhost` is served on 127.0.0.1 and, when available, on ::1 with the same port, so
 * whichever address a browser or Node resolves `localhost` to reaches it.
 */
export async function startDemoIdp(opts: DemoIdpOptions): Promise<DemoIdp> {
  const host = opts.host ?? 'localhost';
  let issuers: readonly Issuer[] = [];
  const onRequest = (req: IncomingMessage, res: ServerResponse): void => route(issuers, req, res);
  const local = await listenLocalhost(onRequest, opts.port ?? 0);
  const url = opts.publicUrl?.replace(/\/+$/, '') ?? `http://${host}:${local.port}`;
  issuers = await Promise.all(FLAVOURS.map(async (flavour) => ({
    flavour,
    prefix: `/${flavour.id}`,
    provider: await createProvider(flavour, `${url}/${flavour.id}`, opts.clients),
  })));
  await local.addIpv6();
  return {
    url,
    port: local.port,
    issuers: { okta: `${url}/okta`, entra: `${url}/entra`, google: `${url}/google` },
    close: local.close,
  };
}
