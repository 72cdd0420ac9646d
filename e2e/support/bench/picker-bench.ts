/**
 * The role picker with a big catalogue (issue 15 §4): bob holds 2,000 roles in 300 accounts
 * (picker-catalogue.ts). Prints the page's size and server time, Chromium's time to an interactive list,
 * DOM size, tab stops, the main-thread work of a filter keystroke and an arrow key, /api/v1/roles with
 * and without gzip, and the first-load JS gzipped. `npm run bench -- --picker`, or standalone:
 * `node --import tsx e2e/support/bench/picker-bench.ts [--no-build] [--screenshot file.png]` (BENCH_PORT,
 * default 3300). `BENCH_PICKER_CPU_PROF=<file>` also records Chromium's CPU profile of the filter keystrokes
 * (read it with cpu-profile.ts): JS is about 5 ms of a keystroke, the rest is style, layout and paint.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from '@playwright/test';
import { ensureBuild } from '../demo/build';
import { demoPorts, ROOT, startStack, type Stack } from '../demo/stack';
import { DEMO_PASSWORD } from '../oidc-idp/users';
import { launchBrowser, signInToRoles } from './browser';
import { assertPortsFree, reapServer, serverPids } from './lifecycle';
import { bigCatalogueYaml, CATALOGUE } from './picker-catalogue';
import { cookieHeader, embeddedDataBytes, rawGet, scriptSizes } from './picker-http';
import { installProbes, measureLoad, timeArrows, timeFilter, timeIdleKeys, type KeyFigure, type LoadFigures } from './picker-measure';
import { printPickerReport, type PickerRun } from './picker-report';
import { summarize } from './stats';
import { runAsScript } from './as-script';

const RUNS = { html: 7, warmUp: 2, loads: 3, arrows: 20 } as const;
const FILTER_QUERY = 'read';

async function measureHttp(appUrl: string, cookie: string): Promise<PickerRun['http']> {
  const page = (enc: string) => rawGet(`${appUrl}/roles`, { cookie, 'accept-encoding': enc });
  const api = (enc: string) => rawGet(`${appUrl}/api/v1/roles`, { cookie, 'sec-fetch-site': 'same-origin', 'accept-encoding': enc });
  for (let i = 0; i < RUNS.warmUp; i++) await page('identity');
  const renders = [];
  const floor = [];
  for (let i = 0; i < RUNS.html; i++) {
    renders.push(await page('identity'));
    // The floor beside it: a small portal page for the same session, on the same server and machine.
    floor.push(await rawGet(`${appUrl}/requests`, { cookie, 'accept-encoding': 'identity' }));
  }
  const html = renders[0];
  if (!html || html.status !== 200) throw new Error(`GET /roles: ${html?.status}`);
  const [htmlGzip, plain, gzip] = [await page('gzip'), await api('identity'), await api('gzip')];
  if (plain.status !== 200 || gzip.status !== 200) throw new Error(`GET /api/v1/roles: ${plain.status} / ${gzip.status}`);
  const roles = (JSON.parse(plain.body.toString('utf8')) as { roles: unknown[] }).roles.length;
  return {
    htmlBytes: html.body.length,
    htmlGzipWireBytes: htmlGzip.wireBytes,
    htmlEncoding: htmlGzip.contentEncoding,
    embeddedBytes: embeddedDataBytes(html.body.toString('utf8')),
    ttfbMs: summarize(renders.map((r) => r.ttfbMs)),
    renderMs: summarize(renders.map((r) => r.totalMs)),
    floorRenderMs: summarize(floor.map((r) => r.totalMs)),
    apiRoles: roles,
    apiIdentityBytes: plain.wireBytes,
    apiGzipWireBytes: gzip.wireBytes,
    apiEncoding: gzip.contentEncoding,
    apiGzipDecodesEqual: gzip.body.equals(plain.body),
  };
}

/** A fresh context (cold cache) with bob's cookies: one cold load of /roles. */
async function coldLoad(browser: Browser, signedIn: BrowserContext, appUrl: string) {
  const context = await browser.newContext({ baseURL: appUrl, viewport: { width: 1280, height: 900 } });
  await context.addCookies(await signedIn.cookies());
  await installProbes(context);
  const page = await context.newPage();
  return { context, page, load: await measureLoad(page) };
}

async function measureBrowser(browser: Browser, signedIn: BrowserContext, appUrl: string, screenshot: string | undefined) {
  const loads: LoadFigures[] = [];
  for (let i = 0; i < RUNS.loads - 1; i++) {
    const run = await coldLoad(browser, signedIn, appUrl);
    loads.push(run.load);
    await run.context.close();
  }
  const { context, page, load } = await coldLoad(browser, signedIn, appUrl);
  loads.push(load);
  if (screenshot) await page.screenshot({ path: screenshot });
  const cdp = await context.newCDPSession(page);
  // Thread CPU time, not wall time: on a shared machine the renderer's waits for a core are not its work.
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const idle = await timeIdleKeys(page, cdp, 5);
  const profile = process.env.BENCH_PICKER_CPU_PROF;
  if (profile) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'));
  const filter: KeyFigure[] = await timeFilter(page, cdp, FILTER_QUERY);
  if (profile) writeFileSync(profile, JSON.stringify((await cdp.send('Profiler.stop')).profile));
  const arrows = await timeArrows(page, cdp, RUNS.arrows);
  await context.close();
  return { loads, idle, filter, arrows, js: await scriptSizes(load.scripts) };
}

export async function benchPicker(port: number, screenshot?: string): Promise<Record<string, unknown>> {
  const ports = demoPorts(port);
  await assertPortsFree([ports.app, ports.idp, ports.aws, ports.saml]);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rolegate-picker-bench-'));
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  let pids: number[] = [];
  try {
    stack = await startStack({ ports, dataDir, appStdio: 'ignore', configYaml: bigCatalogueYaml(ports) });
    pids = serverPids(stack.appPid);
    browser = await launchBrowser();
    const signedIn = await browser.newContext({ baseURL: stack.appUrl });
    await signInToRoles(await signedIn.newPage(), CATALOGUE.login, DEMO_PASSWORD);
    const http = await measureHttp(stack.appUrl, await cookieHeader(signedIn, stack.appUrl));
    const run: PickerRun = { http, ...(await measureBrowser(browser, signedIn, stack.appUrl, screenshot)) };
    return printPickerReport(run);
  } finally {
    await browser?.close().catch(() => undefined);
    await stack?.close();
    await reapServer(pids);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--screenshot');
  const screenshot = at >= 0 ? process.argv[at + 1] : undefined;
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  if (!process.argv.includes('--no-build')) ensureBuild(ROOT);
  runAsScript('picker', () => benchPicker(Number(process.env.BENCH_PORT ?? 3300), screenshot));
}
