import 'server-only';
/**
 * The composition root (STYLE: jackson's controllers()): env + config + database + services, built once
 * per process. Everything else asks `getContainer()` instead of reading env or opening connections.
 */
import { getEnv, type RolegateEnv } from '../config/env';
import type { RolegateConfig } from '../core/config/parse';
import type { IssuanceDeps } from '../core/issuance/issue';
import type { IamGateway } from '../core/aws/iam-gateway';
import { createSdkIamGateway } from '../core/aws/sdk-iam-gateway';
import { createSdkStsGateway } from '../core/sts/sdk-gateway';
import { hashToken, type SecretBox } from '../db/crypto';
import type { Repos } from '../db/repos';
import type { ClientSecrets } from './client-secrets';
import type { AuthDeps } from './auth/options';
import { createIssuerKeys, type IssuerKeys, signingKeyStore } from './issuer-keys';
import { randomToken, type OAuthDeps } from './oauth/deps';
import { scheduleAuditRetention } from './audit-retention';
import { scheduleAuthStateSweep } from './auth-state-sweep';
import type { LiveConfig, LiveSnapshot } from './live-config';
import { openDatabaseAndLiveConfig } from './open-live';
import { getLogger } from './logger';
import { metrics } from './metrics';
import { meteredAudit, meteredSts } from './metrics-wiring';
import { auditWithRequestId } from './request-context';
import { issuerKeyPolicy, keyStates } from './key-states';
import type { RateLimiter } from './rate-limit';
import { createSharedRateLimiter, deriveSlotKey } from './shared-rate-limit';
import { createSamlKeyRing, idpKeyLifetime, type SamlKeyRing } from './saml/saml-keys';
import type { Store } from './ports';

export interface Container {
  env: RolegateEnv;
  /** The live config as of this request (one snapshot: it does not change under a running request). */
  config: RolegateConfig;
  /** The revision `config` is (config as code). */
  configRevision: number;
  /** The config history: sync, apply. */
  live: LiveConfig;
  /** OIDC client secrets: the environment's and those entered on the admin pages. */
  secrets: ClientSecrets;
  store: Store;
  keys: IssuerKeys;
  /** Rolegate's signing certificate as the SAML IdP IAM trusts. */
  samlIdpKeys: SamlKeyRing;
  repos: Repos;
  box: SecretBox;
  issuance: IssuanceDeps;
  authDeps: AuthDeps;
  hashSessionId: (sid: string) => string;
  /** IAM for revoking issued AWS sessions (keys from ROLEGATE_IAM_KEYS). */
  iam: IamGateway;
  /** The CLI's device flow and token endpoints. */
  oauth: OAuthDeps;
  /**
   * Limits shared by every instance on the database (shared-rate-limit.ts): device codes per client IP,
   * user-code lookups per signed-in user, SAML sign-in starts and ACS posts per client IP (per-ip-limit.ts).
   */
  limits: { deviceCode: RateLimiter; deviceLookup: RateLimiter; samlLogin: RateLimiter; samlAcs: RateLimiter };
  fetch: typeof fetch;
  now: () => Date;
}

async function build(): Promise<Container> {
  const env = getEnv();
  const { repos, box, secrets, live, now } = await openDatabaseAndLiveConfig(env, process.cwd(), getLogger());
  // Settings read once here are restart-only (lib/core/config/restart-only.ts); the rest is read per request.
  const config = live.current().config;
  const store: Store = {
    upsertUserOnLogin: (i) => repos.users.upsertUserOnLogin(i),
    createSession: async (s) => void (await repos.sessions.createSession(s)),
    getActiveSession: (id, at) => repos.sessions.getActiveSession(id, at),
    revokeSession: async (id, at) => void (await repos.sessions.revokeSession(id, at)),
    audit: meteredAudit(auditWithRequestId(async (record) => void (await repos.audit.appendAudit(record))), metrics()),
  };
  const keys = createIssuerKeys(
    signingKeyStore(repos.signingKeys),
    box,
    issuerKeyPolicy(config),
    now,
  );
  const samlIdpKeys = createSamlKeyRing(repos.samlKeys, box, {
    purpose: 'aws-idp-signing',
    connectionId: null,
    commonName: `Rolegate SAML IdP ${new URL(config.publicUrl).host}`,
    ...idpKeyLifetime(config.samlIdp),
    now,
  });
  const hashSessionId = (sid: string) => hashToken(sid);
  const issuance: IssuanceDeps = {
    config,
    sts: meteredSts(createSdkStsGateway({ endpoint: env.AWS_ENDPOINT_URL_STS }), metrics()),
    signer: () => keys.signer(),
    samlSigner: () => samlIdpKeys.active(),
    audit: store.audit,
    // Read at every issuance (never from the session), so a revoked grant stops working at once.
    grants: (userId, verifiedEmail) => repos.roleGrants.activeGrantsFor(userId, verifiedEmail),
    lockdown: () => repos.settings.getLockdown(),
    now,
  };
  const authDeps: AuthDeps = { config, secret: env.NEXTAUTH_SECRET, clientSecrets: secrets.map, store, hashSessionId, now, log: getLogger };
  const oauth: OAuthDeps = { config, devices: repos.deviceAuthorizations, grants: repos.cliGrants, audit: store.audit, now, newToken: randomToken };
  const slotKey = deriveSlotKey(env.NEXTAUTH_SECRET);
  const limit = (name: string, capacity: number, refillPerSecond: number) =>
    createSharedRateLimiter({
      name,
      capacity,
      refillPerSecond,
      store: repos.rateLimits,
      slotKey,
      onRefused: () => metrics().rateLimited.inc({ limit: name }),
      warn: (fields, message) => getLogger().warn(fields, message),
    });
  const limits = {
    // 30 device codes per IP at once, then one every 2 s; 20 user-code lookups per user, then one every 3 s.
    deviceCode: limit('device-code', 30, 0.5),
    deviceLookup: limit('device-lookup', 20, 1 / 3),
    // 30 SAML sign-in starts and 30 ACS posts per IP at once, then one of each every 2 s (issue 12 §6).
    samlLogin: limit('saml-login', 30, 0.5),
    samlAcs: limit('saml-acs', 30, 0.5),
  };
  scheduleAuditRetention({
    retentionDays: () => live.current().config.audit.retentionDays,
    purgeOlderThan: (cutoff) => repos.audit.purgeOlderThan(cutoff),
    appendAudit: (e) => repos.audit.appendAudit(e),
    now,
    onError: (err) => getLogger().error({ err: err instanceof Error ? { name: err.name, message: err.message } : String(err) }, 'audit retention sweep failed'),
  });
  scheduleAuthStateSweep({
    now,
    rollUpSigninFailures: (closedBefore) => repos.signinFailures.rollUpSigninFailures(closedBefore),
    purgeExpiredRequests: (at) => repos.samlRequests.purgeExpiredRequests(at),
    purgeExpiredAssertions: (at) => repos.samlReplay.purgeExpiredAssertions(at),
    pruneSamlTraces: () => repos.samlTraces.pruneAllSamlTraces(),
    purgeFullRateBuckets: (at) => repos.rateLimits.purgeFullBuckets(at),
    onError: (err) => getLogger().error({ err: err instanceof Error ? { name: err.name, message: err.message } : String(err) }, 'unauthenticated-state sweep failed'),
  });
  Object.assign(metrics().sources, { revision: () => live.current().revision, keys: () => keyStates(repos, issuerKeyPolicy(config)) });
  const iam = createSdkIamGateway({ keys: env.ROLEGATE_IAM_KEYS, endpoint: config.aws.iamUrl });
  return { env, config, configRevision: live.current().revision, live, secrets, iam, store, keys, samlIdpKeys, repos, box, issuance, authDeps, hashSessionId, oauth, limits, fetch: globalThis.fetch, now };
}

/** The container with the live config of this moment, in every part that reads config per request. */
function withSnapshot(base: Container, snap: LiveSnapshot): Container {
  if (snap.revision === base.configRevision) return base;
  const { config } = snap;
  return {
    ...base,
    config,
    configRevision: snap.revision,
    issuance: { ...base.issuance, config },
    authDeps: { ...base.authDeps, config },
    oauth: { ...base.oauth, config },
  };
}

const holder = globalThis as typeof globalThis & { __rolegate?: Promise<Container> };

function baseContainer(): Promise<Container> {
  holder.__rolegate ??= build().catch((err: unknown) => {
    holder.__rolegate = undefined;
    throw err;
  });
  return holder.__rolegate;
}

/** The container, its config synced with the newest revision (another instance may have written it). */
export async function getContainer(): Promise<Container> {
  const base = await baseContainer();
  return withSnapshot(base, await base.live.sync());
}

/**
 * For a request that issues credentials or a console sign-in: the config re-read now, so a rule or role
 * an admin disabled or removed on any instance is refused here from the moment the admin's edit returned.
 */
export async function getContainerForIssuance(): Promise<Container> {
  const base = await baseContainer();
  return withSnapshot(base, await base.live.syncNow());
}
