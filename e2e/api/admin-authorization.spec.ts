/**
 * Issue 5 §6: every admin page and every admin route, discovered from the file system (so one added later
 * is covered without an edit here), refuses a signed-in non-admin with 403 and a visitor without a session
 * with 401 (routes) or a redirect to sign-in (pages). The requests carry same-origin headers so that the
 * CSRF check passes and the authorisation check is what answers.
 */
import { expect, type APIRequestContext } from '@playwright/test';
import { test } from '../fixtures/test';
import Database from 'better-sqlite3';
import path from 'node:path';
import { signInToRoles } from '../fixtures/signin';
import { adminPages, adminRoutes, type AdminRoute } from '../support/admin-surface';

const pages = adminPages();
const routes = adminRoutes();

test('the discovered admin surface is not empty', () => {
  expect(pages.map((p) => p.url)).toEqual(expect.arrayContaining(['/admin/saml', '/admin/grants']));
  expect(routes.map((r) => `${r.method} ${r.url}`)).toEqual(expect.arrayContaining(['POST /api/admin/grants', 'GET /api/admin/grants']));
});

/** Admin-area refusals in the audit ledger (requireAdmin writes one per refused request). */
function adminDenials(): number {
  const db = new Database(path.join(process.env.E2E_DATA_DIR ?? '', 'rolegate.db'), { readonly: true });
  try {
    const row = db.prepare(`SELECT COUNT(*) AS n FROM "AuditEvent" WHERE type = 'denial' AND code = 'FORBIDDEN'`).get() as { n: number };
    return row.n;
  } finally {
    db.close();
  }
}

function call(request: APIRequestContext, route: AdminRoute, origin: string) {
  const headers = { Origin: origin, 'Sec-Fetch-Site': 'same-origin' };
  const data = route.method === 'GET' ? undefined : {};
  return request.fetch(route.url, { method: route.method, headers, data, maxRedirects: 0 });
}

test('a signed-in non-admin gets 403 from every admin page and route, and each refusal is audited', async ({ page, baseURL }) => {
  await signInToRoles(page, 'okta', 'bob@example.com');
  const origin = new URL(baseURL ?? page.url()).origin;
  const deniedBefore = adminDenials();
  for (const p of pages) {
    const res = await page.request.get(p.url, { maxRedirects: 0 });
    expect(res.status(), `${p.url} (${p.file})`).toBe(403);
    // The body is Next's forbidden() fallback (rendered by app/forbidden.tsx), not the page.
    expect(await res.text(), p.url).toContain('NEXT_HTTP_ERROR_FALLBACK;403');
  }
  for (const r of routes) {
    const res = await call(page.request, r, origin);
    expect(res.status(), `${r.method} ${r.url} (${r.file})`).toBe(403);
    expect((await res.json()).error.code, `${r.method} ${r.url}`).toBe('FORBIDDEN');
    expect(res.headers()['cache-control'], `${r.method} ${r.url}`).toContain('no-store');
  }
  expect(adminDenials() - deniedBefore).toBe(pages.length + routes.length);
});

test('without a session admin routes answer 401 and admin pages send to sign-in', async ({ request, baseURL }) => {
  const origin = new URL(baseURL ?? '').origin;
  for (const r of routes) {
    const res = await call(request, r, origin);
    expect(res.status(), `${r.method} ${r.url}`).toBe(401);
    expect((await res.json()).error.code, `${r.method} ${r.url}`).toBe('UNAUTHENTICATED');
  }
  for (const p of pages) {
    const res = await request.get(p.url, { maxRedirects: 0 });
    expect([303, 307], p.url).toContain(res.status());
    // The proxy sends cookie-less visitors to /signin first; the page guard would do the same.
    expect(res.headers().location, p.url).toMatch(/^\/signin(\?|$)/);
  }
});
