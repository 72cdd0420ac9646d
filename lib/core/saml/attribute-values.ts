/**
 * Attribute values as Rolegate uses them (groups, email, name, session tags): trimmed, because
 * pretty-printed XML puts line breaks and indentation around values (`<AttributeValue>\n  aws-admins\n
 * </AttributeValue>` is the group `aws-admins`), with values that are empty after trimming dropped. The
 * NameID is never read from here: lib/core/saml/sp/identity.ts refuses a padded NameID instead, so
 * " admin@x" can never become "admin@x".
 */
import { GatewayError } from '../errors';
import type { AttributeNames } from './attribute-presets';

/**
 * Entra ID's SAML groups overage: a user in more than 150 groups gets this attribute (a Graph link) in
 * place of the groups claim. Read as "no groups" it would silently grant nothing, or less than the
 * person's rules say; refused like the OIDC overage (OIDC_GROUPS_OVERAGE).
 */
export const ENTRA_GROUPS_LINK = 'http://schemas.microsoft.com/claims/groups.link';

export function trimmedAttributes(attributes: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(attributes).map(([name, values]) => [name, values.map((v) => v.trim()).filter((v) => v.length > 0)]),
  );
}

/** The first value of the first of `names` that has one. */
export function firstOf(attrs: Record<string, string[]>, names: readonly string[]): string | undefined {
  for (const n of names) {
    const v = attrs[n]?.[0];
    if (v !== undefined) return v;
  }
  return undefined;
}

/** The display name, else given name and family name joined (Okta, OneLogin and JumpCloud send only those). */
export function personName(attrs: Record<string, string[]>, names: AttributeNames): string | undefined {
  const display = firstOf(attrs, names.name);
  if (display !== undefined) return display;
  const parts = [firstOf(attrs, names.givenName), firstOf(attrs, names.familyName)].filter((p) => p !== undefined);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** Throws SAML_GROUPS_OVERAGE when the IdP left the groups out and sent a link to them instead. */
export function assertNoGroupsOverage(attributes: Record<string, string[]>): void {
  // Microsoft's own reference writes the name with a leading space; compare names trimmed.
  if (Object.keys(attributes).some((name) => name.trim() === ENTRA_GROUPS_LINK)) {
    throw new GatewayError('SAML_GROUPS_OVERAGE', 'Entra sent groups.link instead of the groups claim (over 150 groups)');
  }
}
