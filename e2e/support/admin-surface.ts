/**
 * The admin surface, discovered from the file system so that a page or route added later is covered by
 * the authorization tests without anyone remembering to list it: every app/admin/**\/page.tsx and every
 * exported HTTP method of every app/api/admin/**\/route.ts. Dynamic segments get a placeholder value.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type Method = (typeof METHODS)[number];

export interface AdminRoute {
  file: string;
  url: string;
  method: Method;
  /** The wrapper the export is built with (`adminRead`, `adminMutation`), or undefined when it is not a wrapper call. */
  wrapper?: string;
}

function walk(dir: string, name: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name), name) : e.name === name ? [path.join(dir, e.name)] : []));
}

/** app/admin/grants/[id]/page.tsx → /admin/grants/x; route groups `(name)` vanish from the URL. */
function urlOf(root: string, file: string): string {
  const segments = path.relative(path.join(root, 'app'), path.dirname(file)).split(path.sep);
  return (
    '/' +
    segments
      .filter((s) => !(s.startsWith('(') && s.endsWith(')')))
      .map((s) => (s.startsWith('[') ? 'x' : s))
      .join('/')
  );
}

export function adminPages(root = ROOT): { file: string; url: string }[] {
  return walk(path.join(root, 'app/admin'), 'page.tsx').map((file) => ({ file: path.relative(root, file), url: urlOf(root, file) }));
}

/** Each exported method: `export const POST = adminMutation(…)` or `export async function GET(…)` (no wrapper). */
export function adminRoutes(root = ROOT): AdminRoute[] {
  return walk(path.join(root, 'app/api/admin'), 'route.ts').flatMap((file) => {
    const source = readFileSync(file, 'utf8');
    const found: AdminRoute[] = [];
    for (const method of METHODS) {
      const wrapped = new RegExp(`export\\s+const\\s+${method}\\s*=\\s*([A-Za-z_$][\\w$]*)\\s*\\(`).exec(source);
      const other = new RegExp(`export\\s+(?:async\\s+)?(?:function\\s+${method}\\b|const\\s+${method}\\b|\\{[^}]*\\b${method}\\b[^}]*\\})`).test(source);
      if (wrapped) found.push({ file: path.relative(root, file), url: urlOf(root, file), method, wrapper: wrapped[1] });
      else if (other) found.push({ file: path.relative(root, file), url: urlOf(root, file), method });
    }
    return found;
  });
}
