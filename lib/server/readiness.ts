/**
 * Readiness (issue 14 §1): this instance can serve sign-ins and issuances now — the database answers a
 * query this very moment, the live config is loaded at the revision the database holds, and a signing
 * key is published. Liveness (`/api/health`) is only "the process answers"; a load balancer takes an
 * instance out of rotation on readiness, an orchestrator restarts it on liveness.
 */
import { GatewayError, type GatewayErrorCode } from '../core/errors';

export interface ReadinessDeps {
  /** The live config, synced with the database (throws when either is unavailable). */
  liveRevision: () => Promise<number>;
  /** The newest revision the database holds, read now (not from a cache). */
  headRevision: () => Promise<number | undefined>;
  /** The published signing keys (throws when none can be had). */
  publishedKeys: () => Promise<unknown>;
}

export type Readiness =
  | { status: 'ready'; revision: number }
  | { status: 'unavailable'; code: GatewayErrorCode };

export async function checkReadiness(d: ReadinessDeps): Promise<Readiness> {
  try {
    const revision = await d.liveRevision();
    const head = await d.headRevision();
    if (head === undefined) return { status: 'unavailable', code: 'CONFIG_INVALID' };
    await d.publishedKeys();
    return { status: 'ready', revision };
  } catch (e) {
    return { status: 'unavailable', code: e instanceof GatewayError ? e.code : 'INTERNAL' };
  }
}
