/**
 * Issue 14 §6, the README's backup promise tested on PostgreSQL: pg_dump of a live database, restored into
 * a new database, serves the same people (a returning sign-in is the same user id) and the same issuer
 * keys (same kids, and the restored instance signs with the same active key) — given the same
 * ROLEGATE_ENCRYPTION_KEYS. Without them the restored keys cannot be opened.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { it } from 'node:test';
import { migrate } from '../../prisma/migrate';
import { createIssuerKeys, signingKeyStore } from '../server/issuer-keys';
import { closeDb, createDb } from './client';
import { createSecretBox } from './crypto';
import { createRepos, type Repos } from './repos';
import { createEmptyDatabase, describeEachDialect, dropDatabase } from './test-support/databases';

const policy = { rotationDays: 30, prepublishSeconds: 3600, retiredGraceSeconds: 600 };
const now = () => new Date('2031-03-01T00:00:00Z');

function issuerKeys(repos: Repos, keys: Buffer[]) {
  return createIssuerKeys(
    signingKeyStore(repos.signingKeys),
    createSecretBox(keys),
    policy,
    now,
  );
}

describeEachDialect('backup and restore', (ctx, dialect) => {
  it('a pg_dump restored into a new database: same users, same issuer keys, only with the same encryption keys', { skip: dialect !== 'postgresql' && 'pg_dump is PostgreSQL' }, async () => {
    const encryptionKeys = [randomBytes(32)];
    const { repos, url } = ctx();
    await migrate(url);
    const person = { issuer: 'https://login.example.com', subject: 'u-42', email: 'ada@example.com', emailVerified: true };
    const user = await repos.users.upsertUserOnLogin(person, now());
    const original = await issuerKeys(repos, encryptionKeys).published();
    const dump = execFileSync('pg_dump', ['--no-owner', '--format=custom', url], { maxBuffer: 64 * 1024 * 1024 });

    const restoredUrl = await createEmptyDatabase('postgresql');
    const restoredDb = createDb(restoredUrl);
    try {
      execFileSync('pg_restore', ['--no-owner', '--dbname', restoredUrl], { input: dump });
      await migrate(restoredUrl); // nothing pending: the dump carries the applied-migrations table
      const restored = createRepos(restoredDb);
      assert.equal((await restored.users.upsertUserOnLogin(person, now())).id, user.id);
      const keys = issuerKeys(restored, encryptionKeys);
      assert.deepEqual((await keys.published()).map((k) => k.kid), original.map((k) => k.kid));
      assert.equal((await keys.signer()).kid, (await issuerKeys(repos, encryptionKeys).signer()).kid);
      await assert.rejects(issuerKeys(restored, [randomBytes(32)]).signer(), 'another ROLEGATE_ENCRYPTION_KEYS cannot open the restored keys');
    } finally {
      await closeDb(restoredDb);
      await dropDatabase(restoredUrl);
    }
  });
});
