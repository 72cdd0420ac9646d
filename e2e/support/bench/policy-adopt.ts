/**
 * Config revisions in the policy bench (issue 15 §4): the live config (lib/server/live-config.ts) over an
 * in-memory revision store, so the figures are the instance's own work (parse, validate, diff), not the
 * database's. Times a start on a stored revision, the adoption of a revision another instance wrote, and
 * the adoption of a revision whose text this instance has seen before (a revert, the second opener in
 * one process).
 */
import { parseConfigText } from '../../../lib/core/config/parse';
import type { ConfigRevisionRecord, NewConfigRevision } from '../../../lib/db/repos/config-revisions';
import { sha256Hex } from '../../../lib/db/repos/config-revisions';
import { openLiveConfig, type LiveConfigDeps } from '../../../lib/server/live-config';

type Repo = LiveConfigDeps['repo'];

/** The revision store, in memory, with the repo's semantics (append is optimistic on `basedOn`). */
export function memoryRevisions(): Repo & { appendText: (text: string) => Promise<number> } {
  const rows: ConfigRevisionRecord[] = [];
  const last = () => rows[rows.length - 1];
  const head = (r: ConfigRevisionRecord | undefined) => (r ? { revision: r.revision, sha256: r.sha256 } : undefined);
  const fromFile = () => rows.filter((r) => r.source === 'file');
  const append = async (input: NewConfigRevision): Promise<ConfigRevisionRecord> => {
    if ((last()?.revision ?? 0) !== input.basedOn) throw new Error(`stale: based on ${input.basedOn}`);
    const rec: ConfigRevisionRecord = { revision: input.basedOn + 1, source: input.source, text: input.text, sha256: sha256Hex(input.text), createdAt: input.at, createdBy: input.createdBy, changes: input.changes };
    rows.push(rec);
    return rec;
  };
  return {
    head: async () => head(last()),
    latest: async () => last(),
    latestFromFile: async () => head(fromFile().at(-1)),
    fromFileWithSha: async (sha) => head(fromFile().filter((r) => r.sha256 === sha).at(-1)),
    get: async (revision) => rows.find((r) => r.revision === revision),
    append,
    appendText: async (text) => (await append({ basedOn: last()?.revision ?? 0, source: 'import', text, createdBy: 'other instance', changes: [], at: new Date() })).revision,
  };
}

export interface AdoptFigures {
  /** A start whose live revision is stored (parse and validate it). */
  startMs: number;
  /** The next request after another instance wrote a revision this instance has not seen. */
  adoptNewMs: number;
  /** The same, for a revision whose text this instance has parsed before. */
  adoptKnownMs: number;
}

const time = async (step: () => Promise<unknown>) => {
  const t0 = performance.now();
  await step();
  return performance.now() - t0;
};

/** `text` and `edited` are two different valid config texts. */
export async function timeAdoption(text: string, edited: string): Promise<AdoptFigures> {
  const repo = memoryRevisions();
  const deps: LiveConfigDeps = { repo, validate: (t, source) => parseConfigText(t, source), onFileRevision: async () => undefined, now: () => new Date() };
  const file = { text, name: 'bench.yaml' };
  await openLiveConfig(deps, file);
  const startMs = await time(() => openLiveConfig(deps, file));
  const live = await openLiveConfig(deps, file);
  await repo.appendText(edited);
  const adoptNewMs = await time(() => live.syncNow());
  await repo.appendText(text);
  const adoptKnownMs = await time(() => live.syncNow());
  if (live.current().revision !== 3) throw new Error(`the bench's live config did not adopt revision 3 (at ${live.current().revision})`);
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return { startMs: round(startMs), adoptNewMs: round(adoptNewMs), adoptKnownMs: round(adoptKnownMs) };
}
