/**
 * What a new config would change against the live one (the dry run of config as code, issue 5 §2): by id
 * for IdPs, SAML connections, accounts, roles and rules (added, removed, or changed with the fields that
 * differ), and by key for every other setting. Pure; both sides are validated configs.
 */
import type { RolegateConfig } from './parse';

export type ConfigSection = 'idps' | 'samlConnections' | 'accounts' | 'roles' | 'rules' | 'settings';

export interface ConfigChange {
  section: ConfigSection;
  id: string;
  kind: 'added' | 'removed' | 'changed';
  /** For `changed`: the fields whose values differ. */
  fields?: string[];
}

/** JSON with object keys sorted: two values are equal whatever order their keys were written in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Map)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
const json = canonicalJson;

function changedFields(a: object, b: object): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => json((a as Record<string, unknown>)[k]) !== json((b as Record<string, unknown>)[k])).sort();
}

function byId<T>(section: ConfigSection, before: ReadonlyMap<string, T>, after: ReadonlyMap<string, T>): ConfigChange[] {
  const out: ConfigChange[] = [];
  for (const [id, a] of before) {
    const b = after.get(id);
    if (b === undefined) out.push({ section, id, kind: 'removed' });
    else {
      const fields = changedFields(a as object, b as object);
      if (fields.length) out.push({ section, id, kind: 'changed', fields });
    }
  }
  for (const id of after.keys()) if (!before.has(id)) out.push({ section, id, kind: 'added' });
  return out;
}

const index = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((i) => [i.id, i] as const));
const SECTIONS = new Set(['idps', 'samlConnections', 'accounts', 'roles', 'rules']);

/** Every difference, in a stable order (by section, then as listed). Empty when nothing would change. */
export function diffConfigs(current: RolegateConfig, next: RolegateConfig): ConfigChange[] {
  // Accounts without their roles: role changes are listed once, under roles.
  const accounts = (c: RolegateConfig) => new Map(c.accounts.map(({ roles: _roles, ...a }) => [a.id, a] as const));
  const settings = (c: RolegateConfig) => new Map(Object.entries(c).filter(([k]) => !SECTIONS.has(k)));
  return [
    ...byId('idps', index(current.idps), index(next.idps)),
    ...byId('samlConnections', index(current.samlConnections), index(next.samlConnections)),
    ...byId('accounts', accounts(current), accounts(next)),
    ...byId('roles', current.roles, next.roles),
    ...byId('rules', index(current.rules), index(next.rules)),
    ...byId('settings', settings(current), settings(next)).map((c) => ({ ...c, fields: undefined })),
  ];
}
