/**
 * The configs this process has parsed, by their exact text (issue 15 §4): a 5,000-rule config took about
 * a second to parse (about 125 ms since yaml-text.ts), and the same text came back at every start (preflight,
 * the server's container and getConfig each read it), at every import (its dry run, then its apply) and
 * whenever an instance met a revision again. Now each text is parsed once per process.
 *
 * Safe to share: parseConfigText is a pure function of the text (the file name only appears in errors,
 * which are never kept) and its result is deep-frozen. The newest PARSED_CONFIGS_KEPT texts are kept
 * (the live revision, the one before it for diffs, and a few more), least recently used first out.
 * The store lives on globalThis so that the start script and the server bundle, which each load their own
 * copy of this module, share it.
 */
import type { RolegateConfig } from './parse';

export const PARSED_CONFIGS_KEPT = 4;

const holder = globalThis as typeof globalThis & { __rolegateParsedConfigs?: Map<string, RolegateConfig> };

function store(): Map<string, RolegateConfig> {
  holder.__rolegateParsedConfigs ??= new Map();
  return holder.__rolegateParsedConfigs;
}

/** The config parsed from exactly `text`, or undefined; a hit becomes the most recently used. */
export function knownConfig(text: string): RolegateConfig | undefined {
  const kept = store();
  const config = kept.get(text);
  if (config) {
    kept.delete(text);
    kept.set(text, config);
  }
  return config;
}

/** Keeps a config parsed from `text` (only valid configs: a refusal is made again, with its file name). */
export function rememberConfig(text: string, config: RolegateConfig): RolegateConfig {
  const kept = store();
  kept.delete(text);
  kept.set(text, config);
  for (const oldest of kept.keys()) {
    if (kept.size <= PARSED_CONFIGS_KEPT) break;
    kept.delete(oldest);
  }
  return config;
}
