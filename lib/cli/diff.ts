/**
 * A unified diff good enough for `configure --dry-run`: configure only ever changes one contiguous
 * region (its block), so common leading and trailing lines are trimmed and the rest is one hunk.
 */

function splitLines(text: string): string[] {
  const out = text.split('\n');
  if (out[out.length - 1] === '') out.pop();
  return out;
}

function range(start: number, count: number): string {
  return `${count === 0 ? start : start + 1},${count}`;
}

export function unifiedDiff(before: string, after: string, name: string, context = 3): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  ) {
    suffix++;
  }
  const start = Math.max(0, prefix - context);
  const trailing = Math.min(suffix, context);
  const aEnd = a.length - suffix;
  const bEnd = b.length - suffix;
  const body = [
    ...a.slice(start, prefix).map((l) => ` ${l}`),
    ...a.slice(prefix, aEnd).map((l) => `-${l}`),
    ...b.slice(prefix, bEnd).map((l) => `+${l}`),
    ...a.slice(aEnd, aEnd + trailing).map((l) => ` ${l}`),
  ];
  const aCount = aEnd + trailing - start;
  const bCount = bEnd + trailing - start;
  const header = `--- ${name}\n+++ ${name}\n@@ -${range(start, aCount)} +${range(start, bCount)} @@\n`;
  return `${header}${body.join('\n')}\n`;
}
