/**
 * Settings that are bound into long-lived parts at start (the issuer and its keys, the SAML IdP
 * certificate, AWS endpoints, the public URL that must equal NEXTAUTH_URL) or that weaken security
 * (DANGEROUSLY_ALLOW_HTTP). An import or admin edit may not change them: they change only through the
 * config file, at a restart. Everything else — connections, accounts, roles, rules, admins, grants,
 * audit retention, session and CLI lifetimes — takes effect live.
 */
import { canonicalJson } from './diff';
import type { ConfigProblem, RolegateConfig } from './parse';

export const RESTART_ONLY_SETTINGS = ['publicUrl', 'issuer', 'samlIdp', 'aws', 'DANGEROUSLY_ALLOW_HTTP'] as const;

export function restartOnlyProblems(live: RolegateConfig, next: RolegateConfig): ConfigProblem[] {
  return RESTART_ONLY_SETTINGS.filter((k) => canonicalJson(live[k]) !== canonicalJson(next[k])).map((k) => ({
    path: k,
    message: 'changes only through the config file and a restart; keep the live value in an import',
  }));
}
