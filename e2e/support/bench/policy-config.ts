/**
 * The big catalogue of issue 15 §4 as a config text: 300 accounts × 7 roles, 5,000 rules and users with
 * 200 groups each. Deterministic (a seeded generator), so BEFORE and AFTER figures see the same config.
 * The rule mix is what large sites write: mostly one exact IdP group per account role, some team and
 * account globs (`team-12-*`, `aws-acct-7-*`), a few suffix globs (`*-auditors-3`), email-domain and
 * exact-email rules, some rules scoped to one IdP and some disabled.
 */
import { stringify } from 'yaml';
import type { IdentityClaims } from '../../../lib/core/types';

export const CATALOGUE = { accounts: 300, rules: 5_000, groupsPerUser: 200 } as const;
const ROLE_NAMES = ['Admin', 'ReadOnly', 'Operator', 'Developer', 'Billing', 'Audit', 'Deploy'] as const;
const TEAMS = 400;

/** Mulberry32: a small seeded PRNG, so every run builds the same catalogue. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const accountId = (i: number) => String(100_000_000_000 + i * 7_919);
const alias = (i: number) => `acct-${i}`;
const exactGroup = (a: number, r: string) => `aws-${alias(a)}-${r.toLowerCase()}`;

function ruleAt(i: number, rnd: () => number): Record<string, unknown> {
  const pick = (n: number) => Math.floor(rnd() * n);
  const role = () => `${alias(pick(CATALOGUE.accounts))}/${ROLE_NAMES[pick(ROLE_NAMES.length)]}`;
  const kind = rnd();
  const rule: Record<string, unknown> = { id: `rule-${i}` };
  if (kind < 0.7) {
    const a = pick(CATALOGUE.accounts);
    const r = ROLE_NAMES[pick(ROLE_NAMES.length)] ?? 'ReadOnly';
    rule.groups = rnd() < 0.3 ? [exactGroup(a, r), `dl-${a}-${r}`] : [exactGroup(a, r)];
    rule.roles = [`${alias(a)}/${r}`];
  } else if (kind < 0.85) {
    rule.groups = rnd() < 0.5 ? [`team-${pick(TEAMS)}-*`] : [`aws-${alias(pick(CATALOGUE.accounts))}-*`];
    rule.roles = [role(), role()];
  } else if (kind < 0.9) {
    rule.groups = [`*-auditors-${pick(50)}`];
    rule.roles = [role()];
  } else if (kind < 0.95) {
    rule.emailDomains = [`dept${pick(40)}.example.com`];
    rule.roles = [role()];
  } else {
    rule.emails = [`user${pick(2_000)}@dept${pick(40)}.example.com`];
    rule.roles = [role()];
  }
  if (rnd() < 0.3) rule.idps = ['okta'];
  if (rnd() < 0.05) rule.disabled = true;
  return rule;
}

/** The config text (YAML, as the file and every revision hold it). */
export function catalogueYaml(rules: number = CATALOGUE.rules): string {
  const rnd = seeded(15);
  const accounts = Array.from({ length: CATALOGUE.accounts }, (_, i) => ({
    id: accountId(i),
    alias: alias(i),
    region: 'eu-west-1',
    roles: ROLE_NAMES.map((name) => ({ name, description: `${name} in ${alias(i)}` })),
  }));
  const idp = (id: string) => ({ id, preset: 'okta', name: id, issuer: `https://${id}.example.com`, clientId: `${id}-client` });
  const doc = {
    publicUrl: 'https://rolegate.example.com',
    idps: [idp('okta'), idp('okta-eu')],
    accounts,
    rules: Array.from({ length: rules }, (_, i) => ruleAt(i, rnd)),
  };
  return stringify(doc, { lineWidth: 0 });
}

/** One user with `CATALOGUE.groupsPerUser` groups: account-role groups, team groups, auditors and noise. */
export function catalogueUser(seed: number): IdentityClaims {
  const rnd = seeded(seed);
  const pick = (n: number) => Math.floor(rnd() * n);
  const groups = new Set<string>();
  while (groups.size < CATALOGUE.groupsPerUser) {
    const kind = rnd();
    if (kind < 0.45) groups.add(exactGroup(pick(CATALOGUE.accounts), ROLE_NAMES[pick(ROLE_NAMES.length)] ?? 'Audit'));
    else if (kind < 0.65) groups.add(`team-${pick(TEAMS)}-${pick(5) === 0 ? 'leads' : 'dev'}`);
    else if (kind < 0.7) groups.add(`finance-auditors-${pick(50)}`);
    else groups.add(`dl-office-${pick(10_000)}`);
  }
  const dept = pick(40);
  return {
    idpId: rnd() < 0.7 ? 'okta' : 'okta-eu',
    issuer: 'https://okta.example.com',
    subject: `user-${seed}`,
    email: `user${pick(2_000)}@dept${dept}.example.com`,
    emailVerified: true,
    groups: [...groups],
    extra: {},
  };
}
