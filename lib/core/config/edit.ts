/**
 * Admin-page edits of the config (issue 5 §2: add, edit and disable connections, accounts and rules) as
 * operations on the config document — the same document the file holds and export writes. An edit only
 * produces the next text; that text then goes through the one validation and apply path of every config
 * change (lib/server/live-config.ts), so the pages can never build a config the file could not hold.
 * Pure. Every string is free text: NUL and other control characters are refused (INPUT_CONTROL_CHARACTER).
 */
import { stringify } from 'yaml';
import { z } from 'zod';
import { GatewayError } from '../errors';
import { freeText } from '../text/free-text';
import type { RolegateConfig } from './parse';
import { NAMEID_POLICIES } from '../saml/name-id';
import { SAML_PRESETS } from './schema';

const id = freeText().min(1).max(64);
const list = z.array(freeText().min(1).max(256)).max(100);

/** A role as the admin page edits it; the session policy is JSON text (validated like the file's). */
const roleEdit = z.object({
  name: freeText().min(1).max(64),
  description: freeText().max(200).optional(),
  region: freeText().min(1).max(32).optional(),
  maxSessionDuration: z.number().int(),
  delivery: z.enum(['web-identity', 'saml']),
  sessionTags: z.record(freeText().max(128), freeText().max(256)).default({}),
  sessionPolicy: freeText().max(10_000).optional(),
  managedPolicyArns: list.max(10).optional(),
  requestable: z.boolean().default(false),
}).strict();

export const configEditSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('setDisabled'), section: z.enum(['idps', 'samlConnections', 'accounts', 'rules']), id, disabled: z.boolean() }).strict(),
  z.object({
    op: z.literal('putRule'),
    rule: z.object({
      id,
      description: freeText().max(200).optional(),
      idps: list.optional(),
      groups: list.default([]),
      emails: list.default([]),
      emailDomains: list.default([]),
      roles: list.min(1),
      disabled: z.boolean().default(false),
    }).strict(),
  }).strict(),
  z.object({ op: z.literal('deleteRule'), id }).strict(),
  z.object({
    op: z.literal('updateAccount'),
    id,
    alias: freeText().min(1).max(63).optional(),
    region: freeText().min(1).max(32).optional(),
    /** `null` removes the colour. */
    colour: freeText().max(7).nullable().optional(),
  }).strict(),
  z.object({
    op: z.literal('addAccount'),
    account: z.object({
      id,
      alias: freeText().min(1).max(63),
      partition: z.enum(['aws', 'aws-us-gov', 'aws-cn']).default('aws'),
      region: freeText().min(1).max(32),
      colour: freeText().max(7).optional(),
    }).strict(),
    /** An account needs at least one role. */
    role: roleEdit,
  }).strict(),
  z.object({ op: z.literal('putRole'), accountId: id, role: roleEdit }).strict(),
  z.object({ op: z.literal('deleteRole'), accountId: id, name: id }).strict(),
  z.object({
    op: z.literal('putOidcIdp'),
    /** The client secret is not part of the config: the server stores it sealed, apart (lib/server/client-secrets.ts). */
    idp: z.object({
      id,
      name: freeText().min(1).max(80),
      preset: z.enum(['okta', 'google', 'entra', 'generic']),
      issuer: freeText().min(1).max(2048),
      clientId: freeText().min(1).max(256),
      groupsClaim: freeText().min(1).max(256).optional(),
      allowedDomains: list.optional(),
    }).strict(),
  }).strict(),
  z.object({
    op: z.literal('putSamlConnection'),
    connection: z.object({
      id,
      name: freeText().min(1).max(80),
      preset: z.enum(SAML_PRESETS),
      metadataUrl: freeText().max(2048).optional(),
      metadataXml: freeText().max(1_000_000).optional(),
      allowIdpInitiated: z.boolean().default(false),
      /** Absent: the preset's default (SAML_EMAILS_AUTHORITATIVE). */
      emailsAuthoritative: z.boolean().optional(),
      /**
       * The attribute names that carry groups, email and display name (several allowed, first present
       * wins). Given: replaces the stored names, and an empty or absent list means the preset's default.
       * Absent: the stored names are kept (an edit that does not show them).
       */
      attributes: z.object({ groups: list.optional(), email: list.optional(), name: list.optional() }).strict().optional(),
      /** Shown by the form: absent removes the stored one (the NameID is the subject again). */
      subjectAttribute: freeText().min(1).max(256).optional(),
      /** Shown by the form: absent is the default (`omit`). */
      nameIdPolicy: z.enum(NAMEID_POLICIES).optional(),
      forceAuthn: z.boolean().default(false),
    }).strict(),
  }).strict(),
]);

export type ConfigEdit = z.infer<typeof configEditSchema>;

type Doc = Record<string, unknown> & { idps: Item[]; samlConnections: Item[]; accounts: Item[]; rules: Item[] };
type Item = Record<string, unknown> & { id: string };

/** The config as the file holds it (roles are derived from accounts, so they are not part of it). */
export function configDocument(config: RolegateConfig): Record<string, unknown> {
  const { roles: _derived, ...document } = config;
  return JSON.parse(JSON.stringify(document)) as Record<string, unknown>;
}

/** YAML with sorted keys: the same config always gives the same bytes (stable diffs in git). */
export function documentYaml(document: unknown): string {
  return stringify(document, { lineWidth: 0, sortMapEntries: true });
}

function find(items: Item[], section: string, itemId: string): Item {
  const item = items.find((i) => i.id === itemId);
  if (!item) throw new GatewayError('NOT_FOUND', `config edit: no ${section} ${itemId}`, { publicDetail: `there is no ${section} entry "${itemId}"` });
  return item;
}

type Edit<K extends ConfigEdit['op']> = Extract<ConfigEdit, { op: K }>;
type Account = Item & { roles: Array<{ name: string }> };

function upsert<T>(items: T[], next: T, same: (item: T) => boolean): T[] {
  return items.some(same) ? items.map((item) => (same(item) ? next : item)) : [...items, next];
}

/** The named attribute lists, without empty ones (an empty list in the file would be refused: min 1). */
function attributeNames(given: Record<string, string[] | undefined>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(given).filter((entry): entry is [string, string[]] => (entry[1]?.length ?? 0) > 0));
}

/** Each edit changes the document in place; an entry it names must exist (NOT_FOUND otherwise). */
const EDITS: { [K in ConfigEdit['op']]: (doc: Doc, edit: Edit<K>) => void } = {
  setDisabled(doc, edit) {
    find(doc[edit.section], edit.section, edit.id).disabled = edit.disabled;
  },
  putRule(doc, edit) {
    doc.rules = upsert(doc.rules, edit.rule, (r) => r.id === edit.rule.id);
  },
  deleteRule(doc, edit) {
    find(doc.rules, 'rules', edit.id);
    doc.rules = doc.rules.filter((r) => r.id !== edit.id);
  },
  updateAccount(doc, edit) {
    const account = find(doc.accounts, 'accounts', edit.id);
    if (edit.alias !== undefined) account.alias = edit.alias;
    if (edit.region !== undefined) account.region = edit.region;
    if (edit.colour === null) delete account.colour;
    else if (edit.colour !== undefined) account.colour = edit.colour;
  },
  addAccount(doc, edit) {
    if (doc.accounts.some((a) => a.id === edit.account.id)) throw new GatewayError('BAD_REQUEST', 'account exists', { publicDetail: `account ${edit.account.id} already exists` });
    doc.accounts.push({ ...edit.account, roles: [edit.role] });
  },
  putRole(doc, edit) {
    const account = find(doc.accounts, 'accounts', edit.accountId) as Account;
    account.roles = upsert(account.roles, edit.role, (r) => r.name === edit.role.name);
  },
  deleteRole(doc, edit) {
    const account = find(doc.accounts, 'accounts', edit.accountId) as Account;
    if (!account.roles.some((r) => r.name === edit.name)) throw new GatewayError('NOT_FOUND', `config edit: no role ${edit.name}`, { publicDetail: `account ${edit.accountId} has no role "${edit.name}"` });
    if (account.roles.length === 1) throw new GatewayError('BAD_REQUEST', 'last role', { publicDetail: 'an account keeps at least one role: disable the account instead' });
    account.roles = account.roles.filter((r) => r.name !== edit.name);
  },
  putOidcIdp(doc, edit) {
    const existing = doc.idps.find((i) => i.id === edit.idp.id);
    // Same preset: settings the form does not show (scopes, group names, claims) are kept.
    const next: Item = { ...(existing?.preset === edit.idp.preset ? existing : {}), ...edit.idp };
    doc.idps = upsert(doc.idps, next, (i) => i.id === next.id);
  },
  putSamlConnection(doc, edit) {
    const existing = doc.samlConnections.find((c) => c.id === edit.connection.id);
    // Settings the form does not show (clock skew, group names…) are kept on an edit.
    const next: Item = { ...(existing ?? {}), ...edit.connection };
    if (edit.connection.attributes) next.attributes = attributeNames(edit.connection.attributes);
    if (edit.connection.metadataUrl) delete next.metadataXml;
    if (edit.connection.metadataXml) delete next.metadataUrl;
    // The form shows these: "preset default" / empty removes the stored choice.
    if (edit.connection.emailsAuthoritative === undefined) delete next.emailsAuthoritative;
    if (edit.connection.subjectAttribute === undefined) delete next.subjectAttribute;
    if (edit.connection.nameIdPolicy === undefined) delete next.nameIdPolicy;
    doc.samlConnections = upsert(doc.samlConnections, next, (c) => c.id === next.id);
  },
};

/** The config text after one edit; validation is the caller's (the apply path validates every text). */
export function editConfig(config: RolegateConfig, edit: ConfigEdit): string {
  const doc = configDocument(config) as Doc;
  (EDITS[edit.op] as (doc: Doc, edit: ConfigEdit) => void)(doc, edit);
  return documentYaml(doc);
}
