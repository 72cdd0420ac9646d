/**
 * NameID values per shape and format, shaped like the real products':
 *   ADFS        persistent = windows account name (`EXAMPLE\sam`, as AWS's ADFS guide configures), unspecified = UPN
 *   Okta        emailAddress / unspecified = the Okta username (email)
 *   Entra       persistent = pairwise opaque id per application (43 base64url characters)
 *   Shibboleth  persistent = computed eduPersonTargetedID (base64 SHA-1 of SP!uid!salt) with NameQualifier and
 *               SPNameQualifier; transient = fresh opaque value per response
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';

import { type NameIdFormat, type ShapeId, SHAPES } from './shapes';
import { type SamlDemoUser, WINDOWS_DOMAIN } from './users';

export interface SubjectNameId {
  readonly format: NameIdFormat;
  readonly value: string;
  readonly nameQualifier?: string;
  readonly spNameQualifier?: string;
}

/** Salt of the demo Shibboleth computed persistent ids (public: demo only). */
const SHIBBOLETH_SALT = 'rolegate-demo-shibboleth-salt';

export interface SubjectContext {
  readonly idpEntityId: string;
  readonly spEntityId: string;
}

function shibbolethNameId(user: SamlDemoUser, format: NameIdFormat, ctx: SubjectContext): SubjectNameId {
  const value = format === 'transient'
    ? `AAdzZWNyZXQx${randomBytes(48).toString('base64')}`
    : createHash('sha1').update(`${ctx.spEntityId}!${user.person.account}!${SHIBBOLETH_SALT}`).digest('base64');
  return { format, value, nameQualifier: ctx.idpEntityId, spNameQualifier: ctx.spEntityId };
}

function value(shape: ShapeId, user: SamlDemoUser, format: NameIdFormat, ctx: SubjectContext): string {
  const { person } = user;
  if (shape === 'adfs' && format === 'persistent') return `${WINDOWS_DOMAIN}\\${person.account}`;
  if (shape === 'entra') {
    return createHmac('sha256', 'rolegate-demo-entra-pairwise').update(`${person.oid}|${ctx.spEntityId}`).digest('base64url');
  }
  return person.login;
}

/** Picks `requested` when the shape supports it, else the shape's default format. */
export function chooseFormat(shape: ShapeId, requested: NameIdFormat | undefined): NameIdFormat {
  const { nameIdFormats } = SHAPES[shape];
  return requested && nameIdFormats.includes(requested) ? requested : (nameIdFormats[0] ?? 'unspecified');
}

export function subjectNameId(user: SamlDemoUser, requested: NameIdFormat | undefined, ctx: SubjectContext): SubjectNameId {
  const format = chooseFormat(user.shape, requested);
  if (user.shape === 'shibboleth') return shibbolethNameId(user, format, ctx);
  return { format, value: value(user.shape, user, format, ctx) };
}
