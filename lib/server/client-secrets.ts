/**
 * OIDC client secrets at run time: the environment's (ROLEGATE_IDP_SECRET_<ID>, which always win) plus
 * those entered on the admin pages, stored sealed and bound to the IdP id. One live map serves sign-in
 * and config validation; it is re-read whenever a new config revision is adopted, because a secret is
 * always stored before the revision that needs it is visible to other instances.
 */
import { GatewayError } from '../core/errors';
import type { SecretBox } from '../db/crypto';
import type { ConnectionSecretsRepo } from '../db/repos/connection-secrets';

export type SecretSource = 'environment' | 'stored' | 'missing';

export interface ClientSecrets {
  /** Every usable secret by IdP id (read by sign-in on each request). */
  readonly map: ReadonlyMap<string, string>;
  reload(): Promise<void>;
  source(idpId: string): SecretSource;
  /**
   * Stores `secret` sealed and makes it the IdP's secret, then runs `change` (which validates with it and
   * writes the revision that tells other instances to re-read). When the change fails, the previous secret
   * is put back, stored and in memory.
   */
  withSecret<T>(idpId: string, secret: string, by: string, change: () => Promise<T>): Promise<T>;
}

const aad = (idpId: string) => `idp-secret:${idpId}`;

export function createClientSecrets(deps: { env: ReadonlyMap<string, string>; repo: ConnectionSecretsRepo; box: SecretBox; now: () => Date }): ClientSecrets {
  const map = new Map(deps.env);
  const stored = new Set<string>();

  return {
    map,
    async reload() {
      for (const row of await deps.repo.list()) {
        if (deps.env.has(row.idpId)) continue;
        map.set(row.idpId, deps.box.open(row.sealed, aad(row.idpId)));
        stored.add(row.idpId);
      }
    },
    source: (idpId) => (deps.env.has(idpId) ? 'environment' : stored.has(idpId) ? 'stored' : 'missing'),
    async withSecret(idpId, secret, by, change) {
      if (deps.env.has(idpId)) {
        throw new GatewayError('BAD_REQUEST', `secret of ${idpId} is set in the environment`, { publicDetail: `the client secret of "${idpId}" is set in the environment; change it there` });
      }
      const previous = (await deps.repo.list()).find((r) => r.idpId === idpId);
      await deps.repo.put({ idpId, sealed: deps.box.seal(secret, aad(idpId)), updatedAt: deps.now(), updatedBy: by });
      map.set(idpId, secret);
      try {
        const result = await change();
        stored.add(idpId);
        return result;
      } catch (err) {
        if (previous) {
          await deps.repo.put(previous);
          map.set(idpId, deps.box.open(previous.sealed, aad(idpId)));
        } else {
          await deps.repo.remove(idpId);
          map.delete(idpId);
        }
        throw err;
      }
    },
  };
}
