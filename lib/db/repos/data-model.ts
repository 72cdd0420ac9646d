/**
 * The generated client's models and their scalar fields, as Prisma generated them. Used by the schema
 * conformance test (lib/db/schema.test.ts) to check that the migrated database has every one of them.
 * Typed by Prisma's ModelName, so a new model fails `tsc` here until it is listed.
 */
import { Prisma } from '../generated/sqlite/client';

export const generatedDataModel: Record<Prisma.ModelName, readonly string[]> = {
  User: Object.values(Prisma.UserScalarFieldEnum),
  PortalSession: Object.values(Prisma.PortalSessionScalarFieldEnum),
  SigningKey: Object.values(Prisma.SigningKeyScalarFieldEnum),
  AuditEvent: Object.values(Prisma.AuditEventScalarFieldEnum),
  SamlRequest: Object.values(Prisma.SamlRequestScalarFieldEnum),
  SamlReplay: Object.values(Prisma.SamlReplayScalarFieldEnum),
  SamlKey: Object.values(Prisma.SamlKeyScalarFieldEnum),
  SamlTrace: Object.values(Prisma.SamlTraceScalarFieldEnum),
  DeviceAuthorization: Object.values(Prisma.DeviceAuthorizationScalarFieldEnum),
  CliGrant: Object.values(Prisma.CliGrantScalarFieldEnum),
  CliToken: Object.values(Prisma.CliTokenScalarFieldEnum),
  RoleGrant: Object.values(Prisma.RoleGrantScalarFieldEnum),
  RoleGrantApproval: Object.values(Prisma.RoleGrantApprovalScalarFieldEnum),
  Setting: Object.values(Prisma.SettingScalarFieldEnum),
  ConfigRevision: Object.values(Prisma.ConfigRevisionScalarFieldEnum),
  ConnectionSecret: Object.values(Prisma.ConnectionSecretScalarFieldEnum),
  SigninFailureCount: Object.values(Prisma.SigninFailureCountScalarFieldEnum),
  RateLimitBucket: Object.values(Prisma.RateLimitBucketScalarFieldEnum),
  FavouriteRole: Object.values(Prisma.FavouriteRoleScalarFieldEnum),
};
