/** The picker bench's table (one line per figure, with its target) and its JSON summary. */
import os from 'node:os';
import { CATALOGUE } from './picker-catalogue';
import type { KeyFigure, LoadFigures } from './picker-measure';
import { summarize, type Summary } from './stats';

export const PICKER_TARGETS = { renderMs: 150, firstLoadJsGzipKiB: 150, keystrokeMs: 16, arrowMs: 16 } as const;

export interface PickerRun {
  http: {
    htmlBytes: number;
    htmlGzipWireBytes: number;
    htmlEncoding: string;
    embeddedBytes: number;
    ttfbMs: Summary;
    renderMs: Summary;
    /** GET /requests, a small portal page, in the same loop: what any page costs on this machine now. */
    floorRenderMs: Summary;
    apiRoles: number;
    apiIdentityBytes: number;
    apiGzipWireBytes: number;
    apiEncoding: string;
    /** The gzip answer, decoded as its Content-Encoding says, equals the identity answer byte for byte. */
    apiGzipDecodesEqual: boolean;
  };
  loads: LoadFigures[];
  /** Shift in the filter box: the measurement's own work (evaluate, observers, timers) per key. */
  idle: KeyFigure[];
  filter: KeyFigure[];
  arrows: { keys: KeyFigure[]; focused: string; tabStops: number };
  js: { count: number; rawBytes: number; gzipBytes: number };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const ms = (n: number) => `${n.toFixed(1)} ms`;
const row = (label: string, value: string) => `  ${label.padEnd(44)}${value}`;
const verdict = (ok: boolean, target: string) => (ok ? `ok (< ${target})` : `OVER ${target}`);

function keyLine(figures: readonly KeyFigure[], target: number) {
  const work = summarize(figures.map((f) => f.workMs));
  const latency = summarize(figures.map((f) => f.latencyMs));
  const text = `work p50 ${ms(work.p50)} max ${ms(work.max)} · key→frame p50 ${ms(latency.p50)} max ${ms(latency.max)}  ${verdict(work.max < target, `${target} ms`)}`;
  return { work, latency, text, pass: work.max < target };
}

/** Prints the table; returns the figures for the bench's JSON line. */
export function printPickerReport(r: PickerRun): Record<string, unknown> {
  const t = PICKER_TARGETS;
  const load = (pick: (l: LoadFigures) => number) => summarize(r.loads.map(pick));
  const interactive = load((l) => l.interactiveMs);
  const longest = load((l) => l.longestTaskMs);
  const first = r.loads[0];
  const filter = keyLine(r.filter, t.keystrokeMs);
  const arrows = keyLine(r.arrows.keys, t.arrowMs);
  const idle = summarize(r.idle.map((f) => f.workMs));
  const jsKiB = r.js.gzipBytes / 1024;
  const apiCompressed = r.http.apiEncoding === 'gzip' && r.http.apiGzipDecodesEqual;
  const apiVerdict = apiCompressed ? 'ok' : r.http.apiGzipDecodesEqual ? 'NOT COMPRESSED' : 'BROKEN: the gzip answer does not decode to the identity one';
  const machineLoad = os.loadavg()[0]?.toFixed(1);
  console.log(`\nRole picker, ${CATALOGUE.roles.toLocaleString('en')} roles in ${CATALOGUE.accounts} accounts for ${CATALOGUE.login} (Chromium, 1280×900; machine load ${machineLoad} on ${os.availableParallelism()} cores)`);
  const lines = [
    row('/roles HTML (identity)', `${kb(r.http.htmlBytes)}; gzip requested: ${kb(r.http.htmlGzipWireBytes)} (${r.http.htmlEncoding})`),
    row('  embedded page data (RSC payload)', kb(r.http.embeddedBytes)),
    row(`/roles server render, loopback (n=${r.http.renderMs.n})`, `first byte p50 ${ms(r.http.ttfbMs.p50)} · last byte p50 ${ms(r.http.renderMs.p50)}  ${verdict(r.http.renderMs.p50 < t.renderMs, `${t.renderMs} ms`)}`),
    row('  floor: /requests, same session', `last byte p50 ${ms(r.http.floorRenderMs.p50)}`),
    row(`list interactive, cold load (n=${interactive.n})`, `p50 ${ms(interactive.p50)} max ${ms(interactive.max)} · longest task p50 ${ms(longest.p50)}`),
    row('DOM elements after load', String(first?.domElements)),
    row('tab stops after load / after arrows', `${first?.tabStops} / ${r.arrows.tabStops}`),
    row(`filter keystroke ("${r.filter.map((f) => f.key).join(' ')}")`, filter.text),
    row(`arrow key (ArrowDown ×${r.arrows.keys.length}, ends on ${r.arrows.focused})`, arrows.text),
    row('  floor: Shift, which changes nothing', `work p50 ${ms(idle.p50)} max ${ms(idle.max)} (the measurement's own cost)`),
    row(`/api/v1/roles (${r.http.apiRoles} roles)`, `identity ${kb(r.http.apiIdentityBytes)} · gzip requested ${kb(r.http.apiGzipWireBytes)} (${r.http.apiEncoding})  ${apiVerdict}`),
    row(`first-load JS (${r.js.count} scripts)`, `${kb(r.js.gzipBytes)} gzipped (${kb(r.js.rawBytes)} raw)  ${verdict(jsKiB <= t.firstLoadJsGzipKiB, `${t.firstLoadJsGzipKiB} KiB`)}`),
  ];
  console.log(lines.join('\n'));
  return {
    targets: t,
    http: r.http,
    interactiveMs: interactive,
    longestTaskMs: longest,
    domElements: first?.domElements,
    tabStops: { afterLoad: first?.tabStops, afterArrows: r.arrows.tabStops },
    idleKeyWorkMs: idle,
    keystroke: { workMs: filter.work, latencyMs: filter.latency },
    arrow: { workMs: arrows.work, latencyMs: arrows.latency, focused: r.arrows.focused },
    firstLoadJs: r.js,
    pass: filter.pass && arrows.pass && apiCompressed && jsKiB <= t.firstLoadJsGzipKiB && r.http.renderMs.p50 < t.renderMs,
  };
}
