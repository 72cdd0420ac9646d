/**
 * What the process checks before it listens (issue 14 §1): the database is reachable and migrated (under
 * the migration lock, so two instances starting together apply each migration once), the config file is
 * valid and adopted, and the live revision is valid. Readiness then means ready, and a bad config is an
 * exit with every problem printed, never a server answering 500.
 */
import type pino from 'pino';
import type { RolegateEnv } from '../../config/env';
import { openDatabaseAndLiveConfig } from '../open-live';

export async function preflight(env: RolegateEnv, appRoot: string, log: pino.Logger): Promise<void> {
  const { db } = await openDatabaseAndLiveConfig(env, appRoot, log);
  await db.$disconnect();
}
