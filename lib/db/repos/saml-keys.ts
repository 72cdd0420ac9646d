/**
 * Certificates and private keys for SAML: the key Rolegate signs AWS assertions with, and the signing
 * and encryption keys of each upstream connection where Rolegate is the SP. Private keys arrive sealed
 * by the SecretBox (AAD = `saml-key:<id>`, see samlKeyAad) and leave sealed.
 * Lifecycle per purpose + connection: next (published) → active (in use; at most one) → retired.
 */
import { GatewayError } from '../../core/errors';
import type { Db } from '../client';
import { dbCall } from './db-call';
import {
  newSamlKeyRow,
  toSamlKeyRecord,
  type NewSamlKey,
  type SamlKeyPurpose,
  type SamlKeyRecord,
} from './saml-key-record';

export type { NewSamlKey, SamlKeyPurpose, SamlKeyRecord, SamlKeyStatus } from './saml-key-record';
export { samlKeyAad } from './saml-key-record';

export function createSamlKeysRepo(db: Db) {
  return {
    /** Keys of one purpose and connection (null: the AWS IdP key), any status, oldest first. */
    async listSamlKeys(
      purpose: SamlKeyPurpose,
      connectionId: string | null,
    ): Promise<SamlKeyRecord[]> {
      const rows = await dbCall('listSamlKeys', () =>
        db.samlKey.findMany({
          where: { purpose, connectionId },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        }),
      );
      return rows.map(toSamlKeyRecord);
    },

    /** Every key that signs or will: active and next, of every purpose and connection (for metrics). */
    async listLiveSamlKeys(): Promise<SamlKeyRecord[]> {
      const rows = await dbCall('listLiveSamlKeys', () => db.samlKey.findMany({ where: { status: { in: ['active', 'next'] } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }));
      return rows.map(toSamlKeyRecord);
    },

    /**
     * Inserting an 'active' key while its purpose + connection has one is refused (DB_CONFLICT).
     * `whenNextCount`: insert only if exactly that many keys of the scope are in status 'next' (what the
     * caller's rotation plan saw), else DB_CONFLICT: concurrent first starts create one certificate.
     */
    async insertSamlKey(key: NewSamlKey, opts: { whenNextCount?: number } = {}): Promise<SamlKeyRecord> {
      const data = newSamlKeyRow(key);
      const scope = { purpose: data.purpose, connectionId: data.connectionId, status: 'active' };
      const row = await dbCall('insertSamlKey', () =>
        db.$transaction(
          async (tx) => {
            if (key.status === 'active' && (await tx.samlKey.count({ where: scope })) > 0) {
              throw new GatewayError(
                'DB_CONFLICT',
                `an active ${key.purpose} key exists; insert ${key.id} as next`,
              );
            }
            if (opts.whenNextCount !== undefined && (await tx.samlKey.count({ where: { ...scope, status: 'next' } })) !== opts.whenNextCount) {
              throw new GatewayError('DB_CONFLICT', `another instance added a next ${key.purpose} key first; ${key.id} not inserted`);
            }
            return tx.samlKey.create({ data });
          },
          { isolationLevel: 'Serializable' },
        ),
      );
      return toSamlKeyRecord(row);
    },

    activateSamlKey: (id: string, at: Date) => activateSamlKey(db, id, at),
  };
}

/**
 * In one serialisable transaction: retire the active key of the same purpose + connection and activate
 * `id`, which must be in status 'next' (else SIGNING_KEY_UNAVAILABLE and nothing changes). Concurrent
 * activations are serialised (one may fail with DB_CONFLICT): never two active keys for one scope.
 */
async function activateSamlKey(
  db: Db,
  id: string,
  at: Date,
): Promise<{ activated: SamlKeyRecord; retired: string[] }> {
  return dbCall('activateSamlKey', () =>
    db.$transaction(
      async (tx) => {
        const key = await tx.samlKey.findUnique({ where: { id } });
        if (!key || key.status !== 'next') {
          throw new GatewayError('SIGNING_KEY_UNAVAILABLE', `no SAML key ${id} in status next`);
        }
        const scope = { purpose: key.purpose, connectionId: key.connectionId, status: 'active' };
        const active = await tx.samlKey.findMany({ where: scope, select: { id: true } });
        await tx.samlKey.updateMany({ where: scope, data: { status: 'retired', retiredAt: at } });
        const { count } = await tx.samlKey.updateMany({
          where: { id, status: 'next' },
          data: { status: 'active', activatedAt: at },
        });
        if (count === 0) {
          throw new GatewayError('SIGNING_KEY_UNAVAILABLE', `no SAML key ${id} in status next`);
        }
        const row = await tx.samlKey.findUniqueOrThrow({ where: { id } });
        return { activated: toSamlKeyRecord(row), retired: active.map((k) => k.id) };
      },
      { isolationLevel: 'Serializable' },
    ),
  );
}

export type SamlKeysRepo = ReturnType<typeof createSamlKeysRepo>;
