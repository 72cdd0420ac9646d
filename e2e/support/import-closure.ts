/**
 * The source files a module loads at run time, followed transitively through relative and `@/` imports
 * (type-only imports load nothing and are skipped). Used by the mutation gate: a test file can only kill
 * mutants in files it loads, so a changed test reruns those files and no others.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

// `import x from '…'`, `import '…'`, `export … from '…'` and `import('…')`, but not `import type … from '…'`.
const STATIC = /^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function specifiers(text: string): string[] {
  return [...text.matchAll(STATIC), ...text.matchAll(DYNAMIC)].map((m) => m[1] as string);
}

function resolve(root: string, from: string, spec: string): string | undefined {
  let base: string;
  if (spec.startsWith('@/')) base = path.join(root, spec.slice(2));
  else if (spec.startsWith('.')) base = path.resolve(path.dirname(from), spec);
  else return undefined;
  return [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), base].find((f) => f.endsWith('.ts') || f.endsWith('.tsx') ? existsSync(f) : false);
}

/** Every repository file `file` loads, itself included, as paths relative to `root`. */
export function importClosure(root: string, file: string): Set<string> {
  const seen = new Set<string>();
  const pending = [path.resolve(root, file)];
  while (pending.length > 0) {
    const current = pending.pop() as string;
    if (seen.has(current)) continue;
    seen.add(current);
    for (const spec of specifiers(readFileSync(current, 'utf8'))) {
      const target = resolve(root, current, spec);
      if (target !== undefined && !seen.has(target)) pending.push(target);
    }
  }
  return new Set([...seen].map((f) => path.relative(root, f).replaceAll('\\', '/')));
}
