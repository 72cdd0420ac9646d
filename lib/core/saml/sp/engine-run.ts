/**
 * The scope of one samlify run of ours (engine.ts): the response string and Document our pipeline checked,
 * the base64 body handed to samlify, and the per-run memos of samlify-parse-memo.ts and
 * xmlcrypto-parse-memo.ts. Every engine hook is active only while `engineRunActive()`, and answers only from
 * the current run: the scope is AsyncLocalStorage, so concurrent requests never see each other's run, and
 * nothing of a run outlives it (no memo is keyed across responses).
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface EngineRun {
  /** The exact XML our pipeline parsed and validated, and its Document (read-only from here on). */
  xml: string;
  doc: Document;
  /** The SAMLResponse body given to samlify: base64 of `xml`'s UTF-8 bytes, when known. */
  body?: string;
  /** samlify's parses of this run, by exact string. */
  samlify: Map<string, Document>;
  /** xml-crypto's "text/xml" parses of this run, by exact string. */
  xmlCrypto: Map<string, Document>;
  /** Whether xml-crypto's re-parse of `xml` may be answered with `doc` (decided once per run). */
  shareResponse?: boolean;
}

export interface ParseMemoStats {
  /** samlify parses answered from the memo (including our own Document). */
  samlifyHits: number;
  /** samlify parses answered with the tree of an equivalent string (empty-tag-equivalence.ts). */
  samlifyTwins: number;
  /** samlify base64 decodes of our body answered with our string (samlify-base64.ts). */
  bodyShared: number;
  /** xml-crypto parses of the response answered with our Document. */
  responseShared: number;
  /** xml-crypto parses of the response done in full (the sharing condition did not hold). */
  responseParsed: number;
  /** xml-crypto "text/xml" parses answered from the memo. */
  signedInfoHits: number;
}

const scope = new AsyncLocalStorage<EngineRun>();
/** Counters since process start (tests and the bench read them through parseMemoStats). */
export const memoStats: ParseMemoStats = { samlifyHits: 0, samlifyTwins: 0, bodyShared: 0, responseShared: 0, responseParsed: 0, signedInfoHits: 0 };

/** xmldom's DOMParser decides HTML by this test on the mime type (lib/dom-parser.js). */
export const HTML_MIME = /\/x?html?$/;

/** Runs one samlify flow with the hooks on, seeded with the Document our pipeline parsed from `xml`. */
export function withEngineRun<T>(xml: string, doc: Document, fn: () => Promise<T>, body?: string): Promise<T> {
  return scope.run({ xml, doc, body, samlify: new Map([[xml, doc]]), xmlCrypto: new Map() }, fn);
}

/** The run on the current async path, if any. */
export function currentRun(): EngineRun | undefined {
  return scope.getStore();
}

/** True while one of our samlify runs is on the current async path. */
export function engineRunActive(): boolean {
  return scope.getStore() !== undefined;
}

/** Counters since process start. */
export function parseMemoStats(): ParseMemoStats {
  return { ...memoStats };
}
