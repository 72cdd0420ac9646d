/**
 * Parses and cross-checks the config file. Fails with one CONFIG_INVALID error listing every problem as
 * `file: path: message`, so an operator fixes them all in one go.
 */
import { GatewayError } from '../errors';
import { CONTROL_CHARACTER_MESSAGE, controlCharacterPaths, hasControlCharacter } from '../text/free-text';
import { knownConfig, rememberConfig } from './parsed-cache';
import { resolveRolePolicies } from './role-policy';
import type { Partition, RoleDef } from '../types';
import { configSchema, type RolegateConfigParsed } from './schema';
import { loadYamlDocument } from './yaml-text';

export interface RolegateConfig extends Omit<RolegateConfigParsed, 'publicUrl' | 'samlIdp'> {
  samlIdp: RolegateConfigParsed['samlIdp'] & { entityId: string };
  /** Origin without trailing slash, e.g. https://rolegate.example.com */
  publicUrl: string;
  /** Every role of an enabled account, resolved, by id (`<accountId>/<roleName>`). */
  roles: ReadonlyMap<string, RoleDef>;
}

export interface ConfigProblem {
  path: string;
  message: string;
}

export class ConfigError extends GatewayError {
  readonly problems: ConfigProblem[];
  constructor(file: string, problems: ConfigProblem[]) {
    super('CONFIG_INVALID', `invalid config ${file}:\n` + problems.map((p) => `  ${file}: ${p.path || '(root)'}: ${p.message}`).join('\n'));
    this.problems = problems;
  }
}

const ARN_PREFIX: Record<Partition, string> = { aws: 'arn:aws', 'aws-us-gov': 'arn:aws-us-gov', 'aws-cn': 'arn:aws-cn' };

/**
 * Parses YAML or JSON text (JSON is YAML) into a validated, frozen config. A text this process parsed
 * before is answered from parsed-cache.ts (the same frozen object): each config revision is parsed once.
 */
export function parseConfigText(text: string, file = 'config'): RolegateConfig {
  return knownConfig(text) ?? rememberConfig(text, validateConfigDocument(readConfigDocument(text, file), file));
}

/** The text's YAML document, not yet validated; ConfigError when it holds a control character or is not YAML. */
export function readConfigDocument(text: string, file = 'config'): unknown {
  // Free text everywhere (issue 12 §7): not in the file, nor in a value written with an escape ("\0").
  if (hasControlCharacter(text)) throw new ConfigError(file, [{ path: '', message: CONTROL_CHARACTER_MESSAGE }]);
  try {
    return loadYamlDocument(text);
  } catch (e) {
    throw new ConfigError(file, [{ path: '', message: `not valid YAML/JSON: ${(e as Error).message.split('\n')[0]}` }]);
  }
}

/** Checks a parsed document (schema, then cross-references) into a validated, frozen config. */
export function validateConfigDocument(raw: unknown, file = 'config'): RolegateConfig {
  const control = controlCharacterPaths(raw);
  if (control.length) throw new ConfigError(file, control.map((path) => ({ path, message: CONTROL_CHARACTER_MESSAGE })));
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    throw new ConfigError(file, result.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
  }
  return resolve(result.data, file);
}

function formatPath(path: PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

function resolve(cfg: RolegateConfigParsed, file: string): RolegateConfig {
  const problems: ConfigProblem[] = [];
  const publicUrl = new URL(cfg.publicUrl);
  const httpOk = cfg.DANGEROUSLY_ALLOW_HTTP;
  if (publicUrl.protocol !== 'https:' && !(httpOk && publicUrl.protocol === 'http:')) {
    problems.push({ path: 'publicUrl', message: 'must be https:// (AWS only trusts https issuers); DANGEROUSLY_ALLOW_HTTP allows http for local demos' });
  }
  if (publicUrl.search || publicUrl.hash || (publicUrl.pathname !== '/' && publicUrl.pathname !== '')) {
    problems.push({ path: 'publicUrl', message: 'must be an origin only (no path, query or fragment)' });
  }
  // IAM's OIDC provider URL (= our issuer) cannot have a port. An http:// URL can never be one either, so
  // under DANGEROUSLY_ALLOW_HTTP (the local demo on http://localhost:<port>) a port is allowed; https is not.
  if (publicUrl.port && publicUrl.protocol === 'https:') {
    problems.push({ path: 'publicUrl', message: 'must not have a port: IAM refuses a provider URL with one (serve Rolegate on 443 behind a proxy); only an http:// URL under DANGEROUSLY_ALLOW_HTTP may' });
  }
  cfg.samlConnections.forEach((c, i) => {
    if (c.metadataUrl && new URL(c.metadataUrl).protocol !== 'https:' && !httpOk) {
      problems.push({ path: `samlConnections[${i}].metadataUrl`, message: 'must be https://' });
    }
    if (c.preset === 'entra' && c.emailsAuthoritative) {
      problems.push({ path: `samlConnections[${i}].emailsAuthoritative`, message: 'Entra does not verify the emails it sends (nOAuth): match Entra users by group or app role instead' });
    }
    if (c.nameIdPolicy === 'transient' && c.subjectAttribute === undefined) {
      problems.push({ path: `samlConnections[${i}].nameIdPolicy`, message: 'a transient NameID is new at every sign-in: name the stable subjectAttribute (say eduPersonPrincipalName) to ask for one' });
    }
    if (c.preset === 'generic' && !c.attributes.groups && !c.attributes.email) {
      problems.push({ path: `samlConnections[${i}].attributes`, message: 'a generic connection must name its groups or email attribute' });
    }
  });
  if (cfg.samlIdp.entityId && new URL(cfg.samlIdp.entityId).protocol !== 'https:' && !httpOk) {
    problems.push({ path: 'samlIdp.entityId', message: 'must be https://' });
  }
  cfg.idps.forEach((idp, i) => {
    const u = new URL(idp.issuer);
    if (u.protocol !== 'https:' && !(httpOk && u.protocol === 'http:')) {
      problems.push({ path: `idps[${i}].issuer`, message: 'must be https://' });
    }
  });
  if (cfg.idps.length + cfg.samlConnections.length === 0) {
    problems.push({ path: 'idps', message: 'nobody could sign in: add an OIDC IdP (idps) or a SAML connection (samlConnections)' });
  }
  duplicates([...cfg.idps.map((i) => i.id), ...cfg.samlConnections.map((c) => c.id)]).forEach((id) =>
    problems.push({ path: 'idps', message: `duplicate IdP or SAML connection id "${id}"` }),
  );
  duplicates(cfg.accounts.map((a) => a.id)).forEach((id) => problems.push({ path: 'accounts', message: `duplicate account id "${id}"` }));
  duplicates(cfg.accounts.map((a) => a.alias)).forEach((a) => problems.push({ path: 'accounts', message: `duplicate account alias "${a}"` }));
  duplicates(cfg.rules.map((r) => r.id)).forEach((id) => problems.push({ path: 'rules', message: `duplicate rule id "${id}"` }));

  const roles = new Map<string, RoleDef>();
  const byRef = new Map<string, string>();
  cfg.accounts.forEach((acct, ai) => {
    duplicates(acct.roles.map((r) => r.name)).forEach((n) => problems.push({ path: `accounts[${ai}].roles`, message: `duplicate role "${n}"` }));
    acct.roles.forEach((r, ri) => {
      const { policies, problems: policyProblems } = resolveRolePolicies(r, acct);
      policyProblems.forEach((p) => problems.push({ path: `accounts[${ai}].roles[${ri}].${p.field}`, message: p.message }));
      const def: RoleDef = {
        id: `${acct.id}/${r.name}`,
        accountId: acct.id,
        accountAlias: acct.alias,
        partition: acct.partition,
        region: r.region ?? acct.region,
        roleName: r.name,
        arn: `${ARN_PREFIX[acct.partition]}:iam::${acct.id}:role/${r.name}`,
        maxSessionDurationSeconds: r.maxSessionDuration,
        delivery: r.delivery,
        samlProviderArn: `${ARN_PREFIX[acct.partition]}:iam::${acct.id}:saml-provider/${acct.samlProvider}`,
        sessionTags: r.sessionTags,
        description: r.description,
        accountColour: acct.colour,
        requestable: r.requestable,
        ...policies,
      };
      // A disabled account's roles resolve (rules and grants may still name them) but are never held.
      if (!acct.disabled) roles.set(def.id, def);
      byRef.set(`${acct.alias}/${r.name}`, def.id);
      byRef.set(`${acct.id}/${r.name}`, def.id);
    });
  });
  const idpIds = new Set([...cfg.idps.map((i) => i.id), ...cfg.samlConnections.map((c) => c.id)]);
  for (const key of ['groups', 'emails', 'breakGlassEmails'] as const) {
    cfg.admins[key].forEach((g, i) => {
      if (!idpIds.has(g.idp)) problems.push({ path: `admins.${key}[${i}].idp`, message: `unknown IdP "${g.idp}"` });
    });
  }
  const rules = cfg.rules.map((rule, ri) => {
    rule.idps?.forEach((id, k) => {
      if (!idpIds.has(id)) problems.push({ path: `rules[${ri}].idps[${k}]`, message: `unknown IdP "${id}"` });
    });
    const resolved = rule.roles.map((ref, k) => {
      const id = byRef.get(ref);
      if (!id) problems.push({ path: `rules[${ri}].roles[${k}]`, message: `unknown role "${ref}" (write <account alias or id>/<role name>)` });
      return id ?? ref;
    });
    return { ...rule, roles: resolved };
  });
  if (problems.length) throw new ConfigError(file, problems);
  const samlIdp = { ...cfg.samlIdp, entityId: cfg.samlIdp.entityId ?? `${publicUrl.origin}/aws/saml` };
  return deepFreeze({ ...cfg, samlIdp, rules, publicUrl: publicUrl.origin, roles });
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return [...new Set(values.filter((v) => (seen.has(v) ? true : (seen.add(v), false))))];
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o) && !(o instanceof Map)) {
    Object.freeze(o);
    for (const v of Object.values(o as Record<string, unknown>)) deepFreeze(v);
  }
  return o;
}


/**
 * Whether sign-in through this OIDC IdP or SAML connection is allowed now. Deny by default: an id that is
 * no longer in the config (a removed connection) is not enabled either, so its sessions hold nothing.
 */
export function connectionEnabled(config: Pick<RolegateConfig, 'idps' | 'samlConnections'>, idpId: string): boolean {
  const conn = config.idps.find((i) => i.id === idpId) ?? config.samlConnections.find((s) => s.id === idpId);
  return conn !== undefined && !conn.disabled;
}
