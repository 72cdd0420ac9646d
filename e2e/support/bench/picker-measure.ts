/**
 * In-page measurements of the role picker in Chromium (issue 15 §4): load to interactive list, DOM size,
 * tab stops, and the main-thread work of one filter keystroke or one arrow key.
 *
 * Work per key: the renderer main thread's CPU time (CDP `Performance.getMetrics` TaskDuration in thread
 * ticks, so time spent waiting for a core on a busy machine is not counted) from just before the key
 * until the page has settled (no DOM mutation for 100 ms), so a render deferred past the key event
 * (useDeferredValue) is counted too. Latency per key: from the key event's timestamp to the
 * first frame after it (a requestAnimationFrame callback, then a task after that frame).
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';

export interface LoadFigures {
  ttfbMs: number;
  /** Navigation start → the filter box and the last row hydrated and the main thread quiet (no long task). */
  interactiveMs: number;
  longestTaskMs: number;
  domElements: number;
  tabStops: number;
  scripts: string[];
}

export interface KeyFigure {
  key: string;
  workMs: number;
  latencyMs: number;
}

/** Installed before the page's own scripts: long tasks, hydration time and per-key latency. */
const INIT = () => {
  const w = window as unknown as Record<string, unknown>;
  const longTasks: [number, number][] = [];
  const latencies: number[] = [];
  w.__pickerBench = { longTasks, latencies, hydratedAt: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const hydrated = (el: Element | null | undefined) => !!el && Object.keys(el).some((k) => k.startsWith('__reactProps'));
  const poll = setInterval(() => {
    const rows = document.querySelectorAll('.role-row');
    if (hydrated(document.querySelector('[data-testid="role-search"]')) && hydrated(rows[rows.length - 1])) {
      (w.__pickerBench as { hydratedAt: number }).hydratedAt = performance.now();
      clearInterval(poll);
    }
  }, 5);
  document.addEventListener('keydown', (e) => {
    const t0 = e.timeStamp;
    requestAnimationFrame(() => setTimeout(() => latencies.push(performance.now() - t0), 0));
  }, true);
};

/** Resolves once the DOM has not changed for `quietMs`, then one more frame. */
const SETTLE = (quietMs: number) =>
  new Promise<void>((resolve) => {
    let timer = setTimeout(done, quietMs);
    const mo = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(done, quietMs);
    });
    mo.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    function done() {
      mo.disconnect();
      requestAnimationFrame(() => setTimeout(resolve, 0));
    }
  });

/** Focusable elements in the tab order (tabIndex ≥ 0, enabled, rendered). */
const TAB_STOPS = () =>
  [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')].filter(
    (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0,
  ).length;

/**
 * Installs the probes in every page of `context`. tsx (esbuild keepNames) wraps named inner functions in
 * `__name(…)`, which the page lacks: an identity stand-in comes first, for page.evaluate's functions too.
 */
export async function installProbes(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: `globalThis.__name = (f) => f; (${INIT.toString()})();` });
}

/** Opens /roles in `page` (a context with probes installed) and waits for an interactive, quiet list. */
export async function measureLoad(page: Page): Promise<LoadFigures> {
  await page.goto('/roles', { waitUntil: 'load' });
  await page.waitForFunction(() => (window as unknown as { __pickerBench: { hydratedAt: number } }).__pickerBench.hydratedAt > 0, undefined, { timeout: 60_000, polling: 50 });
  await page.evaluate(SETTLE, 1_000);
  const tabStops = await page.evaluate(TAB_STOPS);
  const figures = await page.evaluate(() => {
    const b = (window as unknown as { __pickerBench: { longTasks: [number, number][]; hydratedAt: number } }).__pickerBench;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const lastTaskEnd = Math.max(0, ...b.longTasks.map(([s, d]) => s + d));
    const scripts = performance.getEntriesByType('resource').filter((e) => (e as PerformanceResourceTiming).initiatorType === 'script' || /\.js(\?|$)/.test(e.name)).map((e) => e.name);
    return {
      ttfbMs: nav.responseStart - nav.requestStart,
      interactiveMs: Math.max(b.hydratedAt, lastTaskEnd, nav.domContentLoadedEventEnd),
      longestTaskMs: Math.max(0, ...b.longTasks.map(([, d]) => d)),
      domElements: document.getElementsByTagName('*').length,
      scripts,
    };
  });
  return { ...figures, tabStops };
}

async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN;
}

/** Presses `key`, waits for the page to settle; the main-thread work and the latency to the next frame. */
export async function timeKey(page: Page, cdp: CDPSession, key: string): Promise<KeyFigure> {
  await page.evaluate(SETTLE, 100);
  const before = await taskSeconds(cdp);
  await page.keyboard.press(key);
  await page.evaluate(SETTLE, 100);
  const workMs = (await taskSeconds(cdp)) - before;
  const latencyMs = await page.evaluate(() => (window as unknown as { __pickerBench: { latencies: number[] } }).__pickerBench.latencies.at(-1) ?? Number.NaN);
  return { key, workMs: workMs * 1000, latencyMs };
}

/** The measurement's own cost: Shift in the filter box changes nothing, so its "work" is the floor. */
export async function timeIdleKeys(page: Page, cdp: CDPSession, n: number): Promise<KeyFigure[]> {
  await page.getByTestId('role-search').focus();
  const out: KeyFigure[] = [];
  for (let i = 0; i < n; i++) out.push(await timeKey(page, cdp, 'Shift'));
  return out;
}

/** Types `query` into the filter one key at a time, then deletes it again; one figure per key. */
export async function timeFilter(page: Page, cdp: CDPSession, query: string): Promise<KeyFigure[]> {
  await page.getByTestId('role-search').focus();
  const out: KeyFigure[] = [];
  for (const ch of query) out.push(await timeKey(page, cdp, ch));
  for (let i = 0; i < query.length; i++) out.push(await timeKey(page, cdp, 'Backspace'));
  return out;
}

/** From the filter box, ArrowDown `n` times through the rows; also returns the focused row's test id. */
export async function timeArrows(page: Page, cdp: CDPSession, n: number): Promise<{ keys: KeyFigure[]; focused: string; tabStops: number }> {
  await page.getByTestId('role-search').focus();
  const keys: KeyFigure[] = [];
  for (let i = 0; i < n; i++) keys.push(await timeKey(page, cdp, 'ArrowDown'));
  const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? '');
  const tabStops = await page.evaluate(TAB_STOPS);
  return { keys, focused, tabStops };
}
