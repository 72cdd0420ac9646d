/**
 * Issue 15 §4 figures for a big catalogue: against a running demo (`npm run demo`, PORT), applies a config
 * of ACCOUNTS accounts × ROLES_PER_ACCOUNT roles (alice's group holds every role), measures the HTML of
 * the admin lists and the picker, optionally saves screenshots, then puts the demo's config back.
 *   PORT=4200 node --import tsx e2e/support/bench/catalogue-pages.ts [--accounts 300] [--screenshots DIR]
 * Prints one line per page and, last, one JSON object.
 */
import { parse, stringify } from 'yaml';
import { chromium, type Page } from '@playwright/test';
import { exportConfig, restoreConfig } from '../../fixtures/config';
import { DEMO_PASSWORD } from '../oidc-idp/users';
import { signInToRoles } from './browser';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const ACCOUNTS = Number(arg('accounts') ?? 300);
const ROLES_PER_ACCOUNT = 7;
const shots = arg('screenshots');

/** The demo config plus `n` generated accounts of ROLES_PER_ACCOUNT roles, each mapped by one rule. */
export function bigCatalogue(yaml: string, n: number): string {
  const config = parse(yaml) as { accounts: object[]; rules: object[] };
  for (let i = 0; i < n; i++) {
    const id = String(100_000_000_000 + i);
    const alias = `team-${String(i).padStart(3, '0')}`;
    const roles = Array.from({ length: ROLES_PER_ACCOUNT }, (_, r) => ({ name: `Role${r}`, description: `Generated role ${r} of ${alias}`, maxSessionDuration: 3600, delivery: 'web-identity' }));
    config.accounts.push({ id, alias, region: 'eu-west-1', roles });
    config.rules.push({ id: `big-${alias}`, groups: ['aws-dev-admins'], roles: roles.map((r) => `${id}/${r.name}`) });
  }
  return stringify(config);
}

async function htmlBytes(page: Page, path: string): Promise<number> {
  const res = await page.request.get(path);
  if (!res.ok()) throw new Error(`${path}: ${res.status()}`);
  return (await res.body()).length;
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await (await browser.newContext({ baseURL: `http://localhost:${port}`, viewport: { width: 1280, height: 900 } })).newPage();
  await signInToRoles(page, 'alice@example.com', DEMO_PASSWORD);
  const original = await exportConfig(page);
  const figures: Record<string, number> = { accounts: ACCOUNTS, roles: ACCOUNTS * ROLES_PER_ACCOUNT };
  try {
    await restoreConfig(page, bigCatalogue(original, ACCOUNTS));
    for (const path of ['/admin/accounts', '/admin/accounts?page=6', '/admin/rules', '/roles']) {
      const bytes = await htmlBytes(page, path);
      figures[`html ${path}`] = bytes;
      console.log(`${path.padEnd(26)} ${(bytes / 1024).toFixed(0).padStart(6)} KB of HTML`);
    }
    if (shots) {
      await page.goto('/admin/accounts?page=2');
      await page.screenshot({ path: `${shots}/admin-accounts-paged.png` });
      await page.goto('/roles');
      await page.screenshot({ path: `${shots}/picker-big.png` });
      await page.goto('/admin/rules?edit=big-team-007#rule-form');
      await page.getByTestId('rule-role-filter').fill('team-01');
      await page.getByTestId('rule-roles').screenshot({ path: `${shots}/rule-form-roles.png` });
    }
  } finally {
    await restoreConfig(page, original);
    await browser.close();
  }
  console.log(JSON.stringify(figures));
}

if (process.argv[1]?.endsWith('catalogue-pages.ts')) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
