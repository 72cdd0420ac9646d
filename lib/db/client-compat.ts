/**
 * Compile-time proof behind `Db` in client.ts: whatever the repos may pass to the SQLite client's type the
 * PostgreSQL client accepts too, and both return the same rows. A schema change that breaks this (e.g. a
 * native type only one dialect has) fails `tsc` here instead of at runtime on one dialect.
 */
import type { Prisma as Pg } from './generated/postgresql/client';
import type { Prisma as Lite } from './generated/sqlite/client';

type Extends<A, B> = [A] extends [B] ? true : false;
type Same<A, B> = Extends<A, B> extends true ? Extends<B, A> : false;
type Assert<T extends true> = T;

export type ClientCompat = [
  Assert<Same<Lite.ModelName, Pg.ModelName>>,
  Assert<Same<Lite.UserModel, Pg.UserModel>>,
  Assert<Same<Lite.PortalSessionModel, Pg.PortalSessionModel>>,
  Assert<Same<Lite.SigningKeyModel, Pg.SigningKeyModel>>,
  Assert<Same<Lite.AuditEventModel, Pg.AuditEventModel>>,
  Assert<Extends<Lite.UserWhereInput, Pg.UserWhereInput>>,
  Assert<Extends<Lite.UserUncheckedCreateInput, Pg.UserUncheckedCreateInput>>,
  Assert<Extends<Lite.UserUpdateInput, Pg.UserUpdateInput>>,
  Assert<Extends<Lite.PortalSessionWhereInput, Pg.PortalSessionWhereInput>>,
  Assert<Extends<Lite.PortalSessionUncheckedCreateInput, Pg.PortalSessionUncheckedCreateInput>>,
  Assert<
    Extends<Lite.PortalSessionUncheckedUpdateManyInput, Pg.PortalSessionUncheckedUpdateManyInput>
  >,
  Assert<Extends<Lite.SigningKeyWhereInput, Pg.SigningKeyWhereInput>>,
  Assert<Extends<Lite.SigningKeyCreateInput, Pg.SigningKeyCreateInput>>,
  Assert<Extends<Lite.SigningKeyUpdateManyMutationInput, Pg.SigningKeyUpdateManyMutationInput>>,
  Assert<Extends<Lite.AuditEventWhereInput, Pg.AuditEventWhereInput>>,
  Assert<Extends<Lite.AuditEventCreateInput, Pg.AuditEventCreateInput>>,
  Assert<Extends<Lite.AuditEventOrderByWithRelationInput, Pg.AuditEventOrderByWithRelationInput>>,
  Assert<Extends<Lite.TransactionIsolationLevel, Pg.TransactionIsolationLevel>>,
  Assert<Same<Lite.DeviceAuthorizationModel, Pg.DeviceAuthorizationModel>>,
  Assert<Same<Lite.CliGrantModel, Pg.CliGrantModel>>,
  Assert<Same<Lite.CliTokenModel, Pg.CliTokenModel>>,
  Assert<Extends<Lite.DeviceAuthorizationWhereInput, Pg.DeviceAuthorizationWhereInput>>,
  Assert<Extends<Lite.DeviceAuthorizationUncheckedCreateInput, Pg.DeviceAuthorizationUncheckedCreateInput>>,
  Assert<Extends<Lite.DeviceAuthorizationUpdateManyMutationInput, Pg.DeviceAuthorizationUpdateManyMutationInput>>,
  Assert<Extends<Lite.CliGrantWhereInput, Pg.CliGrantWhereInput>>,
  Assert<Extends<Lite.CliGrantUncheckedCreateInput, Pg.CliGrantUncheckedCreateInput>>,
  Assert<Extends<Lite.CliTokenWhereInput, Pg.CliTokenWhereInput>>,
  Assert<Extends<Lite.CliTokenUncheckedCreateInput, Pg.CliTokenUncheckedCreateInput>>,
  Assert<Same<Lite.RoleGrantModel, Pg.RoleGrantModel>>,
  Assert<Same<Lite.RoleGrantApprovalModel, Pg.RoleGrantApprovalModel>>,
  Assert<Extends<Lite.RoleGrantWhereInput, Pg.RoleGrantWhereInput>>,
  Assert<Extends<Lite.RoleGrantUncheckedCreateInput, Pg.RoleGrantUncheckedCreateInput>>,
  Assert<Extends<Lite.RoleGrantApprovalUncheckedCreateInput, Pg.RoleGrantApprovalUncheckedCreateInput>>,
  Assert<Same<Lite.SettingModel, Pg.SettingModel>>,
  Assert<Extends<Lite.SettingUncheckedCreateInput, Pg.SettingUncheckedCreateInput>>,
  Assert<Same<Lite.RateLimitBucketModel, Pg.RateLimitBucketModel>>,
  Assert<Extends<Lite.RateLimitBucketWhereInput, Pg.RateLimitBucketWhereInput>>,
  Assert<Same<Lite.FavouriteRoleModel, Pg.FavouriteRoleModel>>,
  Assert<Extends<Lite.FavouriteRoleWhereInput, Pg.FavouriteRoleWhereInput>>,
  Assert<Extends<Lite.FavouriteRoleUncheckedCreateInput, Pg.FavouriteRoleUncheckedCreateInput>>,
];
