import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { adminPages, adminRoutes, ROOT } from './admin-surface';

const WRAPPERS = new Set(['adminRead', 'adminMutation']);

test('every admin route export goes through adminRead or adminMutation (authorised in the handler)', () => {
  const routes = adminRoutes();
  assert.ok(routes.some((r) => r.url === '/api/admin/grants' && r.method === 'POST'), 'discovery found the grant routes');
  const unwrapped = routes.filter((r) => !r.wrapper || !WRAPPERS.has(r.wrapper)).map((r) => `${r.method} ${r.file} (${r.wrapper ?? 'not a wrapper call'})`);
  assert.deepEqual(unwrapped, []);
});

test('every admin page calls requireAdminPage', () => {
  const pages = adminPages();
  assert.ok(pages.some((p) => p.url === '/admin/saml'), 'discovery found /admin/saml');
  const unguarded = pages.filter((p) => !/await requireAdminPage\(/.test(readFileSync(path.join(ROOT, p.file), 'utf8'))).map((p) => p.file);
  assert.deepEqual(unguarded, []);
});

test('discovery reports unwrapped exports and placeholder URLs (the checks above can fail)', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'admin-surface-'));
  try {
    const dir = path.join(root, 'app/api/admin/probe/[id]');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'route.ts'), 'export async function DELETE() {}\nexport const GET = route(async () => new Response());\n');
    mkdirSync(path.join(root, 'app/admin/(group)/probe'), { recursive: true });
    writeFileSync(path.join(root, 'app/admin/(group)/probe/page.tsx'), 'export default function P() { return null; }\n');
    assert.deepEqual(
      adminRoutes(root).map((r) => [r.method, r.url, r.wrapper]),
      [['GET', '/api/admin/probe/x', 'route'], ['DELETE', '/api/admin/probe/x', undefined]],
    );
    assert.deepEqual(adminPages(root).map((p) => p.url), ['/admin/probe']);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
