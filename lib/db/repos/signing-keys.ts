/**
 * Signing keys of Rolegate's OIDC issuer. The private JWK arrives already sealed by the SecretBox (AAD =
 * kid) and leaves sealed: this repo never sees key material in the clear.
 * Lifecycle: next (published) → active (signs; at most one) → retired (published until its tokens expire).
 */
import { GatewayError } from '../../core/errors';
import type { Db } from '../client';
import { dbCall } from './db-call';
import {
  newSigningKeyRow,
  toSigningKeyRecord,
  type NewSigningKey,
  type SigningKeyRecord,
} from './signing-key-record';

export type {
  NewSigningKey,
  SigningAlg,
  SigningKeyRecord,
  SigningKeyStatus,
} from './signing-key-record';

export function createSigningKeysRepo(db: Db) {
  return {
    /** All keys, oldest first. */
    async listSigningKeys(): Promise<SigningKeyRecord[]> {
      const rows = await dbCall('listSigningKeys', () =>
        db.signingKey.findMany({ orderBy: [{ createdAt: 'asc' }, { kid: 'asc' }] }),
      );
      return rows.map(toSigningKeyRecord);
    },

    /**
     * Inserting an 'active' key while another is active is refused (DB_CONFLICT): use activateKey.
     * `whenNextCount`: insert only if exactly that many keys are in status 'next' (what the caller's
     * rotation plan saw), else DB_CONFLICT — two instances starting together create one key, not two.
     */
    async insertSigningKey(key: NewSigningKey, opts: { whenNextCount?: number } = {}): Promise<SigningKeyRecord> {
      const data = newSigningKeyRow(key);
      const row = await dbCall('insertSigningKey', () =>
        db.$transaction(
          async (tx) => {
            if (
              key.status === 'active' &&
              (await tx.signingKey.count({ where: { status: 'active' } })) > 0
            ) {
              throw new GatewayError(
                'DB_CONFLICT',
                `an active signing key exists; insert ${key.kid} as next`,
              );
            }
            if (opts.whenNextCount !== undefined && (await tx.signingKey.count({ where: { status: 'next' } })) !== opts.whenNextCount) {
              throw new GatewayError('DB_CONFLICT', `another instance added a next signing key first; ${key.kid} not inserted`);
            }
            return tx.signingKey.create({ data });
          },
          { isolationLevel: 'Serializable' },
        ),
      );
      return toSigningKeyRecord(row);
    },

    /** Moves a key to 'next' or 'retired' (retiredAt = at). Activation only happens through activateKey. */
    async setSigningKeyStatus(
      kid: string,
      status: 'next' | 'retired',
      at: Date,
    ): Promise<SigningKeyRecord> {
      const data = status === 'retired' ? { status, retiredAt: at } : { status };
      const { count } = await dbCall('setSigningKeyStatus', () =>
        db.signingKey.updateMany({ where: { kid }, data }),
      );
      if (count === 0) throw new GatewayError('SIGNING_KEY_UNAVAILABLE', `no signing key ${kid}`);
      const row = await dbCall('setSigningKeyStatus', () =>
        db.signingKey.findUniqueOrThrow({ where: { kid } }),
      );
      return toSigningKeyRecord(row);
    },

    activateKey: (nextKid: string, at: Date) => activateKey(db, nextKid, at),
  };
}

/**
 * In one serialisable transaction: retire the active key(s) and activate `nextKid`, which must be in
 * status 'next'. If it is not, nothing changes — the retirement is rolled back with it. Concurrent
 * activations are serialised (one may fail with DB_CONFLICT), so there is never more than one active key.
 */
async function activateKey(
  db: Db,
  nextKid: string,
  at: Date,
): Promise<{ activated: SigningKeyRecord; retired: string[] }> {
  return dbCall('activateKey', () =>
    db.$transaction(
      async (tx) => {
        const active = await tx.signingKey.findMany({
          where: { status: 'active' },
          select: { kid: true },
        });
        await tx.signingKey.updateMany({
          where: { status: 'active' },
          data: { status: 'retired', retiredAt: at },
        });
        const { count } = await tx.signingKey.updateMany({
          where: { kid: nextKid, status: 'next' },
          data: { status: 'active', activatedAt: at },
        });
        if (count === 0) {
          throw new GatewayError('SIGNING_KEY_UNAVAILABLE', `no key ${nextKid} in status next`);
        }
        const row = await tx.signingKey.findUniqueOrThrow({ where: { kid: nextKid } });
        return { activated: toSigningKeyRecord(row), retired: active.map((k) => k.kid) };
      },
      { isolationLevel: 'Serializable' },
    ),
  );
}

export type SigningKeysRepo = ReturnType<typeof createSigningKeysRepo>;
