/**
 * The config history (issue 5 §2, config as code): append-only revisions of the config text, the newest
 * being the live config. `append` is optimistic: it names the revision the change was made against and
 * fails with CONFIG_STALE when another change landed first (also when two writers race for the same
 * number: the primary key lets only one of them in).
 */
import { createHash } from 'node:crypto';
import { GatewayError, isGatewayError } from '../../core/errors';
import type { Db } from '../client';
import { dbCall } from './db-call';

export type ConfigSource = 'file' | 'import' | 'edit';

export interface ConfigRevisionHead {
  revision: number;
  sha256: string;
}

export interface ConfigRevisionSummary extends ConfigRevisionHead {
  source: ConfigSource;
  createdAt: Date;
  createdBy?: string;
  /** The changes against the previous revision, as recorded (a JSON list). */
  changes: unknown;
}

export interface ConfigRevisionRecord extends ConfigRevisionSummary {
  text: string;
}

export interface NewConfigRevision {
  /** The revision this change was made against; 0 when the history is empty. */
  basedOn: number;
  source: ConfigSource;
  text: string;
  createdBy?: string;
  changes: unknown;
  at: Date;
}

type Row = { revision: number; source: string; sha256: string; createdAt: Date; createdBy: string | null; changes: string; text?: string };

function summary(row: Row): ConfigRevisionSummary {
  let changes: unknown = null;
  try {
    changes = JSON.parse(row.changes);
  } catch {
    // Shown as "unknown" in the history; the text of the revision itself is what counts.
  }
  return { revision: row.revision, sha256: row.sha256, source: row.source as ConfigSource, createdAt: row.createdAt, createdBy: row.createdBy ?? undefined, changes };
}

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const stale = (basedOn: number, head: number) =>
  new GatewayError('CONFIG_STALE', `config change based on revision ${basedOn}, but the live revision is ${head}`);

export function createConfigRevisionsRepo(db: Db) {
  const SUMMARY = { revision: true, source: true, sha256: true, createdAt: true, createdBy: true, changes: true } as const;
  return {
    /** The live revision's number and hash: one primary-key-ordered read, made on every config sync. */
    async head(): Promise<ConfigRevisionHead | undefined> {
      const row = await dbCall('configHead', () => db.configRevision.findFirst({ orderBy: { revision: 'desc' }, select: { revision: true, sha256: true } }));
      return row ?? undefined;
    },

    async latest(): Promise<ConfigRevisionRecord | undefined> {
      const row = await dbCall('configLatest', () => db.configRevision.findFirst({ orderBy: { revision: 'desc' } }));
      return row ? { ...summary(row), text: row.text } : undefined;
    },

    /** The newest revision that came from the config file (to tell whether the file changed since). */
    async latestFromFile(): Promise<ConfigRevisionHead | undefined> {
      const row = await dbCall('configLatestFromFile', () =>
        db.configRevision.findFirst({ where: { source: 'file' }, orderBy: { revision: 'desc' }, select: { revision: true, sha256: true } }));
      return row ?? undefined;
    },

    /** The newest revision whose text came from a config file with exactly this content (any age). */
    async fromFileWithSha(sha256: string): Promise<ConfigRevisionHead | undefined> {
      const row = await dbCall('configFromFileWithSha', () =>
        db.configRevision.findFirst({ where: { source: 'file', sha256 }, orderBy: { revision: 'desc' }, select: { revision: true, sha256: true } }));
      return row ?? undefined;
    },

    async get(revision: number): Promise<ConfigRevisionRecord | undefined> {
      const row = await dbCall('configGet', () => db.configRevision.findUnique({ where: { revision } }));
      return row ? { ...summary(row), text: row.text } : undefined;
    },

    /** Newest first, without the text. */
    async list(limit: number): Promise<ConfigRevisionSummary[]> {
      const rows = await dbCall('configList', () => db.configRevision.findMany({ orderBy: { revision: 'desc' }, take: limit, select: SUMMARY }));
      return rows.map(summary);
    },

    /** Appends revision `basedOn + 1`; CONFIG_STALE if the live revision is no longer `basedOn`. */
    async append(input: NewConfigRevision): Promise<ConfigRevisionRecord> {
      try {
        return await dbCall('configAppend', () =>
          db.$transaction(async (tx) => {
            const head = await tx.configRevision.findFirst({ orderBy: { revision: 'desc' }, select: { revision: true } });
            if ((head?.revision ?? 0) !== input.basedOn) throw stale(input.basedOn, head?.revision ?? 0);
            const row = await tx.configRevision.create({
              data: {
                revision: input.basedOn + 1, source: input.source, text: input.text, sha256: sha256Hex(input.text),
                createdAt: input.at, createdBy: input.createdBy ?? null, changes: JSON.stringify(input.changes),
              },
            });
            return { ...summary(row), text: row.text };
          }),
        );
      } catch (err) {
        // Lost the race for the number to a concurrent writer: the same answer as a stale base.
        if (isGatewayError(err) && err.code === 'DB_CONFLICT') throw stale(input.basedOn, input.basedOn + 1);
        throw err;
      }
    },
  };
}

export type ConfigRevisionsRepo = ReturnType<typeof createConfigRevisionsRepo>;
