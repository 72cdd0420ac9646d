/**
 * A freshly migrated PostgreSQL database that the app's repos reach only through a cut proxy
 * (lib/db/test-support/cut-proxy.ts), while the test reads it directly, whatever state the proxy is in.
 */
import type { TestContext } from 'node:test';
import { migrate } from '../../../../prisma/migrate';
import { closeDb, createDb } from '../../../db/client';
import { createRepos, type Repos } from '../../../db/repos';
import { startCutProxy, type CutProxy } from '../../../db/test-support/cut-proxy';
import { createEmptyDatabase, dropDatabase } from '../../../db/test-support/databases';
import { runSql } from '../../../db/test-support/sql';

export interface ProxiedDb {
  /** The database URL without the proxy. */
  directUrl: string;
  proxy: CutProxy;
  /** The app's repos, through the proxy. */
  repos: Repos;
  /** `SELECT count(*) FROM "<table>"` (and an optional WHERE), read directly. */
  count(table: string, where?: string): Promise<number>;
}

export async function startProxiedDb(t: TestContext): Promise<ProxiedDb> {
  const directUrl = await createEmptyDatabase('postgresql');
  await migrate(directUrl);
  const proxy = await startCutProxy(directUrl);
  const db = createDb(proxy.url);
  t.after(async () => {
    await proxy.close();
    await closeDb(db).catch(() => undefined);
    await dropDatabase(directUrl);
  });
  return {
    directUrl,
    proxy,
    repos: createRepos(db),
    count: async (table, where) => Number((await runSql(directUrl, `SELECT count(*) AS n FROM "${table}"${where ? ` WHERE ${where}` : ''}`))[0]?.n),
  };
}
