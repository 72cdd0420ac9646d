-- Issue 13 §5 single logout: a SAML session keeps the NameID (exact value, Format, qualifiers) and the
-- SessionIndex of its sign-in, so our LogoutRequest can name it and an IdP's LogoutRequest can find it.
ALTER TABLE "PortalSession" ADD COLUMN "samlNameId" TEXT;
ALTER TABLE "PortalSession" ADD COLUMN "samlNameIdFormat" TEXT;
ALTER TABLE "PortalSession" ADD COLUMN "samlNameQualifier" TEXT;
ALTER TABLE "PortalSession" ADD COLUMN "samlSpNameQualifier" TEXT;
ALTER TABLE "PortalSession" ADD COLUMN "samlSessionIndex" TEXT;

-- CreateIndex
CREATE INDEX "PortalSession_idpId_samlNameId_idx" ON "PortalSession"("idpId", "samlNameId");
