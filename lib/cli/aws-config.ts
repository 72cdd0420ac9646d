/**
 * The part of `~/.aws/config` that `rolegate configure` owns: one block between marker lines.
 * Everything outside the block is kept byte for byte; the block is rewritten whole, so roles
 * that were taken away disappear. Pure functions; the command does the I/O.
 */
import { CliError, EXIT } from './errors';

export const BLOCK_START = '# >>> rolegate >>>';
export const BLOCK_END = '# <<< rolegate <<<';

export interface ProfileSpec {
  name: string;
  region: string;
  credentialProcess: string;
}

/** Keep the file's line ending (a config edited on Windows stays CRLF). */
export function detectEol(text: string): '\r\n' | '\n' {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The block text, profiles sorted by name so re-runs are byte-identical. */
export function renderBlock(server: string, profiles: ProfileSpec[], eol: string): string {
  const lines = [
    BLOCK_START,
    `# Written by "rolegate configure" for ${server}; re-running it replaces this block.`,
    '# Edit outside the markers: changes inside are overwritten.',
  ];
  const sorted = [...profiles].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const p of sorted) {
    lines.push(
      '',
      `[profile ${p.name}]`,
      `credential_process = ${p.credentialProcess}`,
      `region = ${p.region}`,
    );
  }
  lines.push(BLOCK_END);
  return `${lines.join(eol)}${eol}`;
}

interface Line {
  text: string;
  start: number;
  /** Offset after the line's terminator. */
  end: number;
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  for (let start = 0; start < text.length;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl + 1;
    out.push({ text: text.slice(start, end).replace(/\r?\n$/, ''), start, end });
    start = end;
  }
  return out;
}

function damaged(file: string, why: string): CliError {
  const message = `the rolegate block in ${file} is damaged (${why}); fix or remove it by hand`;
  return new CliError('BAD_REQUEST', EXIT.FAILURE, message);
}

/** Offsets of the owned block (start of its first line, end of its last), if there is one. */
export function findBlock(text: string, file: string): { start: number; end: number } | undefined {
  const all = lines(text);
  const starts = all.filter((l) => l.text.trimEnd() === BLOCK_START);
  const ends = all.filter((l) => l.text.trimEnd() === BLOCK_END);
  if (starts.length === 0 && ends.length === 0) return undefined;
  const [first] = starts;
  const [last] = ends;
  if (starts.length !== 1 || ends.length !== 1 || !first || !last) {
    throw damaged(file, `${starts.length} start and ${ends.length} end markers`);
  }
  if (last.start < first.start) throw damaged(file, 'the end marker comes first');
  return { start: first.start, end: last.end };
}

/** `text` with its block replaced by `block`, or `block` appended after a blank line. */
export function replaceBlock(text: string, block: string, file: string): string {
  const span = findBlock(text, file);
  if (span) return text.slice(0, span.start) + block + text.slice(span.end);
  if (text === '') return block;
  const eol = detectEol(text);
  const separator = text.endsWith(`${eol}${eol}`) ? '' : text.endsWith(eol) ? eol : `${eol}${eol}`;
  return text + separator + block;
}

/** Names of the profiles defined outside the block (`[profile x]`, and `default`). */
export function profilesOutsideBlock(text: string, file: string): Set<string> {
  const span = findBlock(text, file);
  const outside = span ? text.slice(0, span.start) + text.slice(span.end) : text;
  const names = new Set<string>();
  for (const { text: line } of lines(outside)) {
    const m = /^\s*\[\s*(?:profile\s+([^\]\s]+)|(default))\s*\]/.exec(line);
    const name = m?.[1] ?? m?.[2];
    if (name) names.add(name);
  }
  return names;
}
