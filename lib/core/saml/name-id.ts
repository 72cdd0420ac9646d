/**
 * NameID formats (saml-core §8.3) as a connection uses them: what its AuthnRequest asks for
 * (`<NameIDPolicy Format>`, saml-core §3.4.1.1), what its SP metadata lists (`<NameIDFormat>`,
 * saml-metadata §2.4.1) and which NameIDs may be the person's subject.
 *
 * Transient NameIDs are one-time values (saml-core §8.3.8): never a subject. Every other format is accepted
 * as a subject when no subject attribute is configured: persistent (§8.3.7) is the stable one; emailAddress,
 * unspecified, Windows, Kerberos and X.509 names are what ADFS, Okta and Google send by default and are
 * stable as long as the IdP's directory does not reassign them.
 */

export const NAMEID_FORMATS = {
  persistent: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
  transient: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient',
  emailAddress: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
  unspecified: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
} as const;

/**
 * What a connection's AuthnRequest asks for. `omit` (the default) sends a NameIDPolicy without Format, so
 * the IdP sends what its administrator configured for Rolegate: ADFS and Okta refuse a request whose Format
 * their claim rules do not produce, and Shibboleth then picks the first format of our SP metadata it can.
 */
export const NAMEID_POLICIES = ['omit', 'persistent', 'emailAddress', 'unspecified', 'transient'] as const;
export type NameIdPolicy = (typeof NAMEID_POLICIES)[number];

/** The Format of the AuthnRequest's NameIDPolicy, or undefined for none. */
export function requestedNameIdFormat(policy: NameIdPolicy): string | undefined {
  return policy === 'omit' ? undefined : NAMEID_FORMATS[policy];
}

export function isTransient(format: string | undefined): boolean {
  return format === NAMEID_FORMATS.transient;
}

/**
 * The `<NameIDFormat>` list of the connection's SP metadata, most preferred first (Shibboleth picks the
 * first it can produce): the requested format, then persistent, emailAddress, unspecified; transient only
 * when a subject attribute makes the NameID irrelevant.
 */
export function acceptedNameIdFormats(conn: { nameIdPolicy: NameIdPolicy; subjectAttribute?: string }): string[] {
  const requested = requestedNameIdFormat(conn.nameIdPolicy);
  const accepted: string[] = [NAMEID_FORMATS.persistent, NAMEID_FORMATS.emailAddress, NAMEID_FORMATS.unspecified];
  if (conn.subjectAttribute !== undefined) accepted.push(NAMEID_FORMATS.transient);
  return [...new Set(requested === undefined ? accepted : [requested, ...accepted])];
}
