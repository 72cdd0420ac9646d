/**
 * OIDC client secrets entered on the admin pages, stored sealed (the caller seals with the SecretBox,
 * bound to the IdP id; this repo refuses anything that does not look sealed, so a plaintext secret can
 * never reach the database by mistake). Read once at start and when a new config revision is adopted.
 */
import { GatewayError } from '../../core/errors';
import { isSealedSecret } from '../crypto';
import type { Db } from '../client';
import { dbCall } from './db-call';

export interface StoredConnectionSecret {
  idpId: string;
  sealed: string;
  updatedAt: Date;
  updatedBy?: string;
}

export function createConnectionSecretsRepo(db: Db) {
  return {
    async list(): Promise<StoredConnectionSecret[]> {
      const rows = await dbCall('listConnectionSecrets', () => db.connectionSecret.findMany({ orderBy: { idpId: 'asc' } }));
      return rows.map((r) => ({ idpId: r.idpId, sealed: r.sealed, updatedAt: r.updatedAt, updatedBy: r.updatedBy ?? undefined }));
    },

    /** Sets (or replaces) one IdP's sealed secret. */
    async put(input: StoredConnectionSecret): Promise<void> {
      if (!isSealedSecret(input.sealed)) throw new GatewayError('INTERNAL', 'refusing to store an unsealed client secret');
      const data = { sealed: input.sealed, updatedAt: input.updatedAt, updatedBy: input.updatedBy ?? null };
      await dbCall('putConnectionSecret', () => db.connectionSecret.upsert({ where: { idpId: input.idpId }, create: { idpId: input.idpId, ...data }, update: data }));
    },

    async remove(idpId: string): Promise<void> {
      await dbCall('removeConnectionSecret', () => db.connectionSecret.deleteMany({ where: { idpId } }));
    },
  };
}

export type ConnectionSecretsRepo = ReturnType<typeof createConnectionSecretsRepo>;
