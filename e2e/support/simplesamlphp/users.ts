/**
 * The people in the SimpleSAMLphp IdP (exampleauth:UserPass), with the attributes a university's
 * Shibboleth-style directory releases: uid, mail, displayName, eduPersonPrincipalName,
 * eduPersonAffiliation and isMemberOf (the groups Rolegate's rules match).
 */
export const SSP_PASSWORD = 'ssp-demo-password';

export interface SspUser {
  uid: string;
  displayName: string;
  affiliation: string[];
  groups: string[];
}

export const SSP_USERS: SspUser[] = [
  { uid: 'stella', displayName: 'Stella Admin', affiliation: ['staff', 'member'], groups: ['aws-dev-admins'] },
  { uid: 'rory', displayName: 'Rory Reader', affiliation: ['staff', 'member'], groups: ['aws-readonly'] },
  { uid: 'nadia', displayName: 'Nadia Nogroups', affiliation: ['student'], groups: [] },
];

export const SSP_MAIL_DOMAIN = 'ssp.example.org';

/** The attribute set SimpleSAMLphp releases for `user` (names as configured; no name mapping). */
export function sspAttributes(user: SspUser): Record<string, string[]> {
  const mail = `${user.uid}@${SSP_MAIL_DOMAIN}`;
  const attrs: Record<string, string[]> = {
    uid: [user.uid],
    mail: [mail],
    displayName: [user.displayName],
    eduPersonPrincipalName: [mail],
    eduPersonAffiliation: user.affiliation,
  };
  if (user.groups.length > 0) attrs.isMemberOf = user.groups;
  return attrs;
}
