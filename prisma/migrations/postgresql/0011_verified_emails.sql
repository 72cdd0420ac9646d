-- Issue 12 §1: an email is trusted only when its issuer verified it, and only as the email of a named IdP.
-- Email grants name the IdP that must verify the email; rows from before have none and match nobody.
ALTER TABLE "RoleGrant" ADD COLUMN "emailIdp" TEXT;

-- Whether the IdP verified the email shown in the ledger and on the admin pages (null: not known).
ALTER TABLE "AuditEvent" ADD COLUMN "emailVerified" BOOLEAN;
ALTER TABLE "User" ADD COLUMN "emailVerified" BOOLEAN;
