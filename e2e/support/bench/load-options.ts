/**
 * `npm run bench` arguments: which phases run (the browser phase, the load phase or both) and the load's
 * size. `--ci` (or BENCH_LOAD=ci) is the shortened load CI runs; flags win over the environment.
 *
 *   npm run bench                                  every phase: the ledger at 1 M + 10 M rows, issuance, the
 *                                                  2,000-role picker, the browser phase, then 100 users × 60 s
 *   npm run bench -- --load-only --users 50 --seconds 30
 *   npm run bench -- --load-only --ci              20 users × 10 s (.ci/test-all.sh)
 *   npm run bench -- --no-load                     the browser phase alone (and the issuance phase)
 *   npm run bench -- --issuance-only               the issuance phase alone (issue 15 §2), --no-issuance skips it
 *   npm run bench -- --no-ledger --no-picker       without the ledger (minutes of seeding) and the big picker
 * `--no-build` uses the production build as it is (CI has just made it) instead of rebuilding when the
 * sources look newer. `--app-logs` shows the load phase's instances' logs (to find the cause of a 5xx).
 */
export interface LoadOptions {
  users: number;
  seconds: number;
  /** Rolegate instances behind the round-robin proxy. */
  instances: number;
}

export interface BenchArgs {
  browser: boolean;
  /** Rebuild the production bundle when the sources are newer (demo/build.ts); off with `--no-build`. */
  build: boolean;
  /** The instances' own output (logs) on this terminal: `--app-logs`. */
  appLogs: boolean;
  /** The audit ledger bench first (issue 15 §3, minutes of seeding); on unless `--no-ledger` or an --*-only phase. */
  ledger: boolean;
  /** The issuance phase (bench/issuance.ts): before the browser phase unless --load-only or --no-issuance. */
  issuance: IssuanceOptions | null;
  /** The role picker with 2,000 roles in 300 accounts (issue 15 §4); on unless `--no-picker` or an --*-only phase. */
  picker: boolean;
  load: LoadOptions | null;
}

export interface IssuanceOptions {
  users: number;
  seconds: number;
}

export const FULL_ISSUANCE: IssuanceOptions = { users: 100, seconds: 20 };
export const CI_ISSUANCE: IssuanceOptions = { users: 20, seconds: 5 };

export const FULL_LOAD: LoadOptions = { users: 100, seconds: 60, instances: 2 };
export const CI_LOAD: LoadOptions = { users: 20, seconds: 10, instances: 2 };
/** Bounds that keep a run bounded on a 2-core machine (and the load phase's ports inside base+10..base+19). */
export const LIMITS = { users: [1, 500], seconds: [1, 600], instances: [1, 6] } as const;

export interface BenchEnv {
  BENCH_LOAD?: string;
  BENCH_LOAD_USERS?: string;
  BENCH_LOAD_SECONDS?: string;
}

function whole(name: keyof typeof LIMITS, raw: string | undefined, from: string): number | undefined {
  if (raw === undefined) return undefined;
  const [min, max] = LIMITS[name];
  const n = /^\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new Error(`${from}: ${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return n;
}

/** The value after `--flag` (also `--flag=value`); an error when the flag is last or followed by another flag. */
function flagValue(argv: readonly string[], flag: string): string | undefined {
  const inline = argv.find((a) => a.startsWith(`${flag}=`));
  if (inline !== undefined) return inline.slice(flag.length + 1);
  const at = argv.indexOf(flag);
  if (at < 0) return undefined;
  const value = argv[at + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value`);
  return value;
}

const VALUED = ['--users', '--seconds', '--instances', '--sqlite-rows', '--pg-rows'];
const KNOWN = new Set(['--load-only', '--no-load', '--issuance-only', '--no-issuance', '--no-build', '--app-logs', '--ci', '--ledger', '--no-ledger', '--picker', '--no-picker', ...VALUED]);

function assertKnown(argv: readonly string[]): void {
  argv.forEach((arg, i) => {
    const name = arg.split('=')[0] ?? arg;
    const isValue = i > 0 && VALUED.includes(argv[i - 1] ?? '');
    if (!isValue && !KNOWN.has(name)) throw new Error(`unknown argument "${arg}" (known: ${[...KNOWN].join(', ')})`);
  });
}

export function parseBenchArgs(argv: readonly string[], env: BenchEnv): BenchArgs {
  assertKnown(argv);
  const only = ['--load-only', '--issuance-only'].filter((f) => argv.includes(f));
  if (only.length > 1 || (argv.includes('--load-only') && argv.includes('--no-load')) || (argv.includes('--issuance-only') && argv.includes('--no-issuance'))) {
    throw new Error(`${[...only, ...['--no-load', '--no-issuance'].filter((f) => argv.includes(f))].join(' and ')} exclude each other`);
  }
  const profile = env.BENCH_LOAD?.trim() ?? '';
  if (!['', 'ci', 'full'].includes(profile)) throw new Error(`BENCH_LOAD must be "ci" or "full", got "${profile}"`);
  const ci = argv.includes('--ci') || profile === 'ci';
  const base = ci ? CI_LOAD : FULL_LOAD;
  const load: LoadOptions = {
    users: whole('users', flagValue(argv, '--users'), '--users') ?? whole('users', env.BENCH_LOAD_USERS, 'BENCH_LOAD_USERS') ?? base.users,
    seconds: whole('seconds', flagValue(argv, '--seconds'), '--seconds') ?? whole('seconds', env.BENCH_LOAD_SECONDS, 'BENCH_LOAD_SECONDS') ?? base.seconds,
    instances: whole('instances', flagValue(argv, '--instances'), '--instances') ?? base.instances,
  };
  const issuanceOnly = argv.includes('--issuance-only');
  // Issue 15: `npm run bench` prints every figure, the ledger at millions of rows and the big picker included;
  // --no-ledger / --no-picker leave them out (--ledger / --picker still run them alongside an --*-only phase).
  const alone = argv.includes('--load-only') || issuanceOnly;
  const wanted = (name: string) => argv.includes(`--${name}`) || (!alone && !argv.includes(`--no-${name}`));
  const issuance = argv.includes('--load-only') || argv.includes('--no-issuance') ? null : ci ? CI_ISSUANCE : FULL_ISSUANCE;
  return {
    browser: !argv.includes('--load-only') && !issuanceOnly,
    build: !argv.includes('--no-build'),
    appLogs: argv.includes('--app-logs'),
    ledger: wanted('ledger'),
    picker: wanted('picker'),
    issuance,
    load: argv.includes('--no-load') || issuanceOnly ? null : load,
  };
}
