/**
 * The live config (issue 5 §2, config as code): one model for the config file and the database. Every
 * version is a revision in the database; the newest is what this process serves.
 *
 * - At start, the file is compared with the last revision that came from the file. A new or changed file
 *   becomes a new revision (it wins over edits made in the admin pages since: the file is the code in
 *   "config as code"); an unchanged file leaves the newest revision — perhaps an admin's edit — live.
 * - `apply` validates a new text exactly as the file is validated at start, refuses changes to
 *   restart-only settings, diffs it against the live revision and appends it, optimistically: a change
 *   made against a revision that is no longer live fails with CONFIG_STALE and writes nothing.
 * - `sync` adopts a revision another instance wrote. It runs on every request (one indexed read, at most
 *   every SYNC_INTERVAL_MS), so a rule removed in one instance stops granting in all of them within that.
 */
import { diffConfigs, type ConfigChange } from '../core/config/diff';
import { ConfigError, type RolegateConfig } from '../core/config/parse';
import { restartOnlyProblems } from '../core/config/restart-only';
import { GatewayError } from '../core/errors';
import { sha256Hex, type ConfigRevisionsRepo, type ConfigSource } from '../db/repos/config-revisions';

export const SYNC_INTERVAL_MS = 500;

export interface LiveSnapshot {
  config: RolegateConfig;
  revision: number;
}

export interface LiveConfigDeps {
  repo: Pick<ConfigRevisionsRepo, 'head' | 'latest' | 'latestFromFile' | 'fromFileWithSha' | 'get' | 'append'>;
  /** Parses and checks a text against this process's environment; throws ConfigError. */
  validate: (text: string, source: string) => RolegateConfig;
  /** Reports a new revision (the audit row of a file change at start). */
  onFileRevision: (revision: number, changes: ConfigChange[]) => Promise<void>;
  /** Runs before a revision written elsewhere is validated (re-reads what validation depends on). */
  beforeAdopt?: () => Promise<void>;
  /**
   * Runs once a revision this process wrote is live, with the config it replaced (undefined at the first
   * start, or when that no longer validates): ends sessions of connections disabled (issue 12 §3).
   */
  onRevision?: (before: RolegateConfig | undefined, after: RolegateConfig) => Promise<void>;
  /**
   * A start with a file whose exact content an older revision already came from (a host not yet updated
   * in a rolling deploy): it is not applied again, the newest revision stays live (issue 14 §3).
   */
  onStaleFile?: (stale: { fileRevision: number; liveRevision: number }) => void;
  now: () => Date;
}

export interface ApplyInput {
  /** The new text, or how to make it from the config of revision `basedOn` (an admin-page edit). */
  text: string | ((base: RolegateConfig) => string);
  basedOn: number;
  source: Exclude<ConfigSource, 'file'>;
  by: string;
  /** A change outside the text that other instances must pick up (a new client secret): always a new revision. */
  alsoChanged?: ConfigChange;
}

export interface ApplyResult {
  before: number;
  revision: number;
  changes: ConfigChange[];
}

export interface LiveConfig {
  current(): LiveSnapshot;
  /** The newest revision, re-read at most every SYNC_INTERVAL_MS (pages, sign-ins, lookups). */
  sync(): Promise<LiveSnapshot>;
  /**
   * The newest revision, re-read now (one indexed query): what every issuance decides on, so a rule
   * disabled or removed on any instance binds every instance from the moment its edit was answered.
   */
  syncNow(): Promise<LiveSnapshot>;
  /** The dry run: validates `text` as `apply` would and lists the changes against the live revision. */
  preview(text: string): { revision: number; changes: ConfigChange[] };
  apply(input: ApplyInput): Promise<ApplyResult>;
}

/** Loads the live config at start, recording the file as a new revision when it is new or changed. */
export async function openLiveConfig(deps: LiveConfigDeps, file: { text: string; name: string }): Promise<LiveConfig> {
  let live = await bootstrap(deps, file, 3);
  let lastSync = deps.now().getTime();
  let inflight: Promise<LiveSnapshot> | undefined;

  async function adopt(): Promise<LiveSnapshot> {
    const head = await deps.repo.head();
    if (head && head.revision !== live.revision) {
      await deps.beforeAdopt?.();
      const rec = await deps.repo.get(head.revision);
      if (rec) live = { config: deps.validate(rec.text, `config revision ${rec.revision}`), revision: rec.revision };
    }
    lastSync = deps.now().getTime();
    return live;
  }

  function check(text: string, source: string): { next: RolegateConfig; changes: ConfigChange[] } {
    const next = deps.validate(text, source);
    const problems = restartOnlyProblems(live.config, next);
    if (problems.length) throw new ConfigError(source, problems);
    return { next, changes: diffConfigs(live.config, next) };
  }

  return {
    current: () => live,
    sync() {
      if (deps.now().getTime() - lastSync < SYNC_INTERVAL_MS) return Promise.resolve(live);
      inflight ??= adopt().finally(() => (inflight = undefined));
      return inflight;
    },
    // Not joined to a read already in flight: that one may have started before the edit committed.
    syncNow: () => adopt(),
    preview(text) {
      return { revision: live.revision, changes: check(text, 'import').changes };
    },
    async apply(input) {
      if (input.basedOn !== live.revision) await adopt();
      if (input.basedOn !== live.revision) throw new GatewayError('CONFIG_STALE', `change based on ${input.basedOn}, live is ${live.revision}`);
      // An edit is made on the config of the revision it names, never on an older snapshot.
      const text = typeof input.text === 'string' ? input.text : input.text(live.config);
      const checked = check(text, input.source);
      const { next } = checked;
      const changes = input.alsoChanged ? [...checked.changes, input.alsoChanged] : checked.changes;
      const before = live.revision;
      if (!changes.length) return { before, revision: before, changes };
      const rec = await deps.repo.append({ basedOn: before, source: input.source, text, createdBy: input.by, changes, at: deps.now() });
      const replaced = live.config;
      live = { config: next, revision: rec.revision };
      await deps.onRevision?.(replaced, next);
      return { before, revision: rec.revision, changes };
    },
  };
}

async function bootstrap(deps: LiveConfigDeps, file: { text: string; name: string }, attempts: number): Promise<LiveSnapshot> {
  const sha = sha256Hex(file.text);
  const fromFile = await deps.repo.latestFromFile();
  const latest = await deps.repo.latest();
  if (latest && fromFile?.sha256 === sha) {
    return { config: deps.validate(latest.text, `config revision ${latest.revision}`), revision: latest.revision };
  }
  // Never roll the fleet back: a file that was live once and has been replaced since stays replaced.
  const older = latest ? await deps.repo.fromFileWithSha(sha) : undefined;
  if (latest && older) {
    deps.onStaleFile?.({ fileRevision: older.revision, liveRevision: latest.revision });
    return { config: deps.validate(latest.text, `config revision ${latest.revision}`), revision: latest.revision };
  }
  const config = deps.validate(file.text, file.name);
  const previous = latest ? tryValidate(deps, latest.text, latest.revision) : undefined;
  const changes = previous ? diffConfigs(previous, config) : [];
  try {
    const rec = await deps.repo.append({ basedOn: latest?.revision ?? 0, source: 'file', text: file.text, createdBy: file.name, changes, at: deps.now() });
    await deps.onFileRevision(rec.revision, changes);
    await deps.onRevision?.(previous, config);
    return { config, revision: rec.revision };
  } catch (err) {
    // Another instance starting with the same file recorded it first: start again from what it wrote.
    if (err instanceof GatewayError && err.code === 'CONFIG_STALE' && attempts > 1) return bootstrap(deps, file, attempts - 1);
    throw err;
  }
}

/** The previous revision, for the diff only: it may no longer validate (e.g. a secret was removed). */
function tryValidate(deps: LiveConfigDeps, text: string, revision: number): RolegateConfig | undefined {
  try {
    return deps.validate(text, `config revision ${revision}`);
  } catch {
    return undefined;
  }
}
