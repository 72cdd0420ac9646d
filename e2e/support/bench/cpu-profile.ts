/**
 * Reads a V8 .cpuprofile (node --cpu-prof; `BENCH_ISSUANCE_CPU_PROF=<dir> npm run bench -- --issuance-only`)
 * and prints where the time went: self time by package or file, by function, and inclusive time of the
 * functions given on the command line (substring of name or url). Shares are of the profile's busy time
 * (idle excluded).
 *
 *   node --import tsx e2e/support/bench/cpu-profile.ts <file.cpuprofile> [--top n] [--per n] [name-or-url …]
 * `--per n` adds each area's milliseconds per operation (n: the issuances the bench says the profile holds).
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const maps = new Map<string, SourceMap | null>();

/** The Next build's chunks are minified; their source maps (beside them) name the file a frame is from. */
function originalUrl(frame: CallFrame): string {
  if (!frame.url.includes('/.next/')) return frame.url;
  let map = maps.get(frame.url);
  if (map === undefined) {
    const file = `${frame.url.startsWith('file:') ? fileURLToPath(frame.url) : frame.url}.map`;
    map = existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, 'utf8')) as ConstructorParameters<typeof SourceMap>[0]) : null;
    maps.set(frame.url, map);
  }
  const entry = map?.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string } | undefined;
  return entry?.originalSource ? decodeURIComponent(entry.originalSource) : frame.url;
}

/** The package (node_modules/<pkg>), our source file, node's own code, or V8's pseudo-frames. */
export function bucketOf(frame: CallFrame): string {
  const { functionName } = frame;
  const url = originalUrl(frame);
  if (!url) return `(${functionName.replace(/[()]/g, '') || 'anonymous'})`;
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0 && process.env.CPU_PROFILE_FILES) return url.slice(nm + 'node_modules/'.length);
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  if (url.startsWith('node:')) return url;
  const ours = /(?:^|\/)((?:app|lib|\.next)\/.*|proxy\.ts)$/.exec(url.replace(/^file:\/\//, ''));
  return ours?.[1] ?? url;
}

/** Buckets grouped by what they are for (first match wins); the rest is "other". */
const AREAS: readonly [string, RegExp][] = [
  ['our code (app/, lib/, proxy.ts)', /^(app|lib)\/|^proxy\.ts$/],
  ['Prisma + SQLite/PostgreSQL driver', /^@prisma\/|^better-sqlite3$|^pg|^wasm:/],
  ['AWS SDK', /^@smithy\/|^@aws-sdk\/|^@aws\/|^fast-xml-parser$/],
  ['session cookie decode (next-auth, HKDF)', /^next-auth$|^@panva\/hkdf$|^node:internal\/crypto\/hkdf$|^node:internal\/crypto\/keys$/],
  ['jose + webcrypto (JWT signing)', /^jose$|^node:internal\/crypto\//],
  ['Next.js + its HTTP plumbing', /^next$|^\.next\/|^turbopack:|^@opentelemetry\/|^@edge-runtime|^node:internal\/deps\/undici|^node:internal\/webstreams|^node:_http|^node:net$|^node:internal\/streams|^node:internal\/stream_base|^\((writeUtf8String|writev)\)$/],
  ['async context (AsyncLocalStorage, promise hooks)', /async_hooks/],
  ['garbage collector', /^\(garbage collector\)$/],
  ['startup (module loading, build check)', /^node:internal\/modules|^esbuild$|^\(internalModuleStat\)$|^\(readFileUtf8\)$|^yaml$/],
  ['pino + prom-client', /^pino|^sonic-boom$|^prom-client$/],
];

export function areaOf(bucket: string): string {
  return AREAS.find(([, re]) => re.test(bucket))?.[0] ?? 'other (node internals, microtasks, zod, …)';
}

/** Self milliseconds per node id. */
function selfTimes(p: Profile): Map<number, number> {
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000));
  return self;
}

function add(m: Map<string, number>, k: string, v: number): void {
  m.set(k, (m.get(k) ?? 0) + v);
}

/** Inclusive ms of frames matching `needle`, not counting a matching frame under another one twice. */
function inclusive(p: Profile, self: Map<number, number>, needle: string): number {
  const byId = new Map(p.nodes.map((n) => [n.id, n] as const));
  const root = p.nodes[0];
  if (!root) return 0;
  const matches = (n: ProfileNode) => n.callFrame.functionName === needle || originalUrl(n.callFrame).includes(needle);
  const subtree = (n: ProfileNode): number => (self.get(n.id) ?? 0) + (n.children ?? []).reduce((s, c) => s + subtree(byId.get(c) as ProfileNode), 0);
  const walk = (n: ProfileNode): number => (matches(n) ? subtree(n) : (n.children ?? []).reduce((s, c) => s + walk(byId.get(c) as ProfileNode), 0));
  return walk(root);
}

function table(title: string, m: Map<string, number>, busy: number, top: number, per?: number): string {
  const rows = [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  const each = (v: number) => (per ? `${(v / per).toFixed(2).padStart(6)} ms/op ` : '');
  return [`${title}`, ...rows.map(([k, v]) => `  ${v.toFixed(0).padStart(7)} ms ${((v / busy) * 100).toFixed(1).padStart(5)}%  ${each(v)} ${k}`)].join('\n');
}

function main(argv: string[]): void {
  const [file, ...rest] = argv;
  if (!file) throw new Error('usage: cpu-profile.ts <file.cpuprofile> [--top n] [name-or-url …]');
  const valueOf = (flag: string) => (rest.includes(flag) ? Number(rest[rest.indexOf(flag) + 1]) : undefined);
  const top = valueOf('--top') ?? 30;
  const per = valueOf('--per');
  const flagged = new Set(['--top', '--per'].flatMap((f) => (rest.includes(f) ? [rest.indexOf(f), rest.indexOf(f) + 1] : [])));
  const needles = rest.filter((_, i) => !flagged.has(i));
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const self = selfTimes(p);
  const byBucket = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const n of p.nodes) {
    const ms = self.get(n.id) ?? 0;
    if (!ms) continue;
    add(byBucket, bucketOf(n.callFrame), ms);
    add(byFunction, `${n.callFrame.functionName || '(anonymous)'}  ${bucketOf(n.callFrame)}:${n.callFrame.lineNumber + 1}`, ms);
  }
  const idle = byBucket.get('(idle)') ?? 0;
  const total = [...byBucket.values()].reduce((s, v) => s + v, 0);
  const busy = total - idle;
  console.log(`${file}: ${(total / 1000).toFixed(1)} s sampled, ${(busy / 1000).toFixed(1)} s busy`);
  const byArea = new Map<string, number>();
  for (const [b, ms] of byBucket) if (b !== '(idle)') add(byArea, areaOf(b), ms);
  console.log(table('self time by area', byArea, busy, AREAS.length + 1, per));
  console.log(table('self time by package / file', byBucket, busy, top));
  console.log(table('self time by function', byFunction, busy, top));
  if (needles.length) console.log(table('inclusive time', new Map(needles.map((n) => [n, inclusive(p, self, n)])), busy, needles.length));
}

if (process.argv[1]?.endsWith('cpu-profile.ts')) main(process.argv.slice(2));
