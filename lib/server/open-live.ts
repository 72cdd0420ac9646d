/**
 * The database and the live config, opened the same way by the start preflight (before anything listens)
 * and by the container (once per process, inside Next): migrations applied, client secrets loaded, the
 * config file checked and adopted as a revision when it is new, the live revision validated. Any problem
 * throws (ConfigError: every problem at once), so a bad file or a bad stored revision stops the start.
 */
import path from 'node:path';
import type pino from 'pino';
import { migrate } from '../../prisma/migrate';
import type { RolegateEnv } from '../config/env';
import { readConfigFile, validateConfigText } from '../config/load';
import { createDb, type Db } from '../db/client';
import { createSecretBox, type SecretBox } from '../db/crypto';
import { dialectOf } from '../db/dialect';
import { createRepos, type Repos } from '../db/repos';
import { createClientSecrets, type ClientSecrets } from './client-secrets';
import { revokeDisabledConnections } from './connection-revocation';
import { openLiveConfig, type LiveConfig } from './live-config';

export interface OpenedLive {
  db: Db;
  repos: Repos;
  box: SecretBox;
  secrets: ClientSecrets;
  live: LiveConfig;
  now: () => Date;
}

/** `appRoot` holds prisma/migrations (inside the Next bundle import.meta.dirname is not prisma/). */
export async function openDatabaseAndLiveConfig(env: RolegateEnv, appRoot: string, log: pino.Logger): Promise<OpenedLive> {
  const fileText = readConfigFile(env);
  await migrate(env.DATABASE_URL, { migrationsDir: path.join(appRoot, 'prisma/migrations', dialectOf(env.DATABASE_URL)) });
  const db = createDb(env.DATABASE_URL);
  const repos = createRepos(db);
  const box = createSecretBox(env.ROLEGATE_ENCRYPTION_KEYS);
  const now = () => new Date();
  const secrets = createClientSecrets({ env: env.idpClientSecrets, repo: repos.connectionSecrets, box, now });
  await secrets.reload();
  const live = await openLiveConfig(
    {
      repo: repos.configRevisions,
      validate: (text, source) => validateConfigText(env, text, source, secrets.map),
      beforeAdopt: () => secrets.reload(),
      onRevision: (before, after) => revokeDisabledConnections({ repo: repos.connectionAccess, appendAudit: (e) => repos.audit.appendAudit(e), now }, before, after),
      onFileRevision: async (revision, changes) =>
        void (await repos.audit.appendAudit({ type: 'admin', outcome: 'ok', detail: { action: 'config.apply', target: 'config', source: 'file', file: env.ROLEGATE_CONFIG, revision, changes: changes.map((c) => `${c.kind} ${c.section}/${c.id}`) } })),
      onStaleFile: ({ fileRevision, liveRevision }) =>
        log.warn({ file: env.ROLEGATE_CONFIG, fileRevision, liveRevision }, 'config file ignored: its content was applied before (revision %d) and revision %d replaced it since; import it on /admin/config to apply it again', fileRevision, liveRevision),
      now,
    },
    { text: fileText, name: env.ROLEGATE_CONFIG },
  );
  return { db, repos, box, secrets, live, now };
}
