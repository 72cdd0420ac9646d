/**
 * All repositories over one `Db`. The composition root (lib/server/container.ts) calls this once; tests
 * call it per database. Repos are the only code that queries Prisma, and they return domain records.
 */
import type { Db } from '../client';
import { createAuditRepo } from './audit';
import { createCliGrantsRepo } from './cli-grants';
import { createConfigRevisionsRepo } from './config-revisions';
import { createConnectionAccessRepo } from './connection-access';
import { createConnectionSecretsRepo } from './connection-secrets';
import { createDeviceAuthorizationsRepo } from './device-authorizations';
import { createFavouritesRepo } from './favourites';
import { createRateLimitsRepo } from './rate-limits';
import { createRoleGrantsRepo } from './role-grants';
import { createRoleUsesRepo } from './role-uses';
import { createSamlKeysRepo } from './saml-keys';
import { createSamlReplayRepo } from './saml-replay';
import { createSamlRequestsRepo } from './saml-requests';
import { createSamlSignInRepo } from './saml-signin';
import { createSamlLogoutRepo } from './saml-logout';
import { createSamlTracesRepo } from './saml-traces';
import { createSessionsRepo } from './sessions';
import { createSettingsRepo } from './settings';
import { createSigninFailuresRepo } from './signin-failures';
import { createSigningKeysRepo } from './signing-keys';
import { createUsersRepo } from './users';

export function createRepos(db: Db) {
  return {
    users: createUsersRepo(db),
    sessions: createSessionsRepo(db),
    signingKeys: createSigningKeysRepo(db),
    audit: createAuditRepo(db),
    samlRequests: createSamlRequestsRepo(db),
    samlReplay: createSamlReplayRepo(db),
    samlSignIn: createSamlSignInRepo(db),
    samlLogout: createSamlLogoutRepo(db),
    samlKeys: createSamlKeysRepo(db),
    samlTraces: createSamlTracesRepo(db),
    signinFailures: createSigninFailuresRepo(db),
    deviceAuthorizations: createDeviceAuthorizationsRepo(db),
    cliGrants: createCliGrantsRepo(db),
    roleGrants: createRoleGrantsRepo(db),
    settings: createSettingsRepo(db),
    configRevisions: createConfigRevisionsRepo(db),
    connectionSecrets: createConnectionSecretsRepo(db),
    connectionAccess: createConnectionAccessRepo(db),
    rateLimits: createRateLimitsRepo(db),
    favourites: createFavouritesRepo(db),
    roleUses: createRoleUsesRepo(db),
  };
}

export type Repos = ReturnType<typeof createRepos>;

export type {
  AuditDetail,
  AuditEventInput,
  AuditEventRecord,
  AuditOutcome,
  AuditQuery,
  AuditType,
  JsonValue,
} from './audit';
export type { ActiveSession, NewSession, SessionRecord } from './sessions';
export type { ConnectionAccessRepo, ConnectionRevocation } from './connection-access';
export type {
  ActiveAccessToken,
  CliGrantRecord,
  CliTokenKind,
  IssuedTokens,
  NewCliLogin,
  NewTokenPair,
  RevokeReason,
  RotationResult,
} from './cli-grants';
export type {
  DeviceApproval,
  DeviceAuthorizationRecord,
  DeviceStatus,
  NewDeviceAuthorization,
  NewDeviceLogin,
} from './device-authorizations';
export type { NewSamlKey, SamlKeyPurpose, SamlKeyRecord, SamlKeyStatus } from './saml-keys';
export { samlKeyAad } from './saml-keys';
export type { SeenAssertion } from './saml-replay';
export type { NewSamlRequest } from './saml-requests';
export type { SamlSignIn } from './saml-signin';
export type { SamlLogout, SamlLogoutResult } from './saml-logout';
export type { SigninFailure } from './signin-failures';
export type { BucketState, BucketTake, RateLimitsRepo } from './rate-limits';
export type {
  NewSamlTrace,
  SamlTraceCheck,
  SamlTraceOutcome,
  SamlTraceRecord,
} from './saml-traces';
export { DEFAULT_TRACES_KEPT } from './saml-traces';
export type { NewSigningKey, SigningAlg, SigningKeyRecord, SigningKeyStatus } from './signing-keys';
export type { LoginIdentity, UserRecord } from './users';
export type { Grant, GrantTransition } from './role-grants';
export type { FavouriteRecord, FavouritesRepo } from './favourites';
export { FAVOURITES_MAX } from './favourites';
export type { RoleUse, RoleUsesRepo } from './role-uses';
