/**
 * `npm run config:check -- <file> [file …]`: the config check of a start, offline (issue 14 §1), for a
 * config-as-code pipeline. Every problem is printed as `file: path: message`; exit 0 when every file is
 * valid, 1 otherwise. No database, no secrets: what it cannot see here (client secrets, NEXTAUTH_URL, the
 * live revision) the start checks again before listening.
 */
import { readFileSync } from 'node:fs';
import { ConfigError, parseConfigText } from '../core/config/parse';

export interface CheckOutput {
  out: string[];
  err: string[];
  exitCode: 0 | 1;
}

function checkOne(file: string, read: (file: string) => string): string[] {
  let text: string;
  try {
    text = read(file);
  } catch (e) {
    return [`${file}: (file): cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`];
  }
  try {
    parseConfigText(text, file);
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return e.problems.map((p) => `${file}: ${p.path || '(root)'}: ${p.message}`);
    throw e;
  }
}

export function checkConfigFiles(files: readonly string[], read: (file: string) => string = (f) => readFileSync(f, 'utf8')): CheckOutput {
  if (files.length === 0) return { out: [], err: ['usage: npm run config:check -- <config file> [more files]'], exitCode: 1 };
  const out: string[] = [];
  const err: string[] = [];
  for (const file of files) {
    const problems = checkOne(file, read);
    if (problems.length === 0) out.push(`${file}: ok`);
    else err.push(...problems);
  }
  return { out, err, exitCode: err.length === 0 ? 0 : 1 };
}

if (process.argv[1] && /check\.ts$/.test(process.argv[1])) {
  const { out, err, exitCode } = checkConfigFiles(process.argv.slice(2));
  for (const line of out) process.stdout.write(`${line}\n`);
  for (const line of err) process.stderr.write(`${line}\n`);
  process.exitCode = exitCode;
}
