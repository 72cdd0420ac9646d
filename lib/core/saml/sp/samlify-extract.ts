/**
 * samlify 2.13.1's login-response extraction, cut to the fields samlify itself decides on, inside our run.
 *
 * After verifying the signature, samlify's postFlow (src/flow.ts) calls
 * `extract(samlContent, loginResponseFields(assertion))`, which reads seven fields: conditions, response,
 * audience, issuer, nameID, sessionIndex and attributes. postFlow decides on three of them only: `issuer`
 * (ERR_UNMATCH_ISSUER), `sessionIndex.sessionNotOnOrAfter` (ERR_EXPIRED_SESSION) and `conditions`
 * (ERR_SUBJECT_UNCONFIRMED); the other four only fill the result, which Rolegate never reads (engine.ts
 * discards it: every value we use comes from our own checks on the verified Document). Extracting them is
 * the costliest part of the flow: `response` serializes the whole Response and parses it again, and every
 * `Attribute` is serialized and parsed on its own, so the cost grows with the number of claims.
 *
 * During our run (and only then), for exactly samlify's login-response field list (checked field by field
 * against samlify's own `loginResponseFields`), this calls samlify's own `extract` with the three deciding
 * fields, unchanged and in their order. Their values, and so every decision samlify makes, are what they
 * were. The four skipped fields cannot reject a response either: their extraction runs fixed XPath on
 * Documents already parsed, and re-parses xmldom's serialization of already-parsed elements, which xmldom
 * writes back well-formed (text and attribute values escaped, namespaces declared); samlify-extract.test.ts
 * runs both ways over a corpus of valid, hostile and odd responses and compares every outcome.
 */
import type { getContext as GetContext } from 'samlify/types/src/api';
import { samlifyExtractor, samlifyUtility, samlifyXPath } from './engine-internals';
import { engineRunActive } from './engine-run';
import { isGroupField, readGroup, type SamlifyParts } from './samlify-attribute-group';

export const SUPPORTED_SAMLIFY_VERSION = '2.13.1';

interface Field {
  key: string;
  shortcut?: unknown;
  [k: string]: unknown;
}
type Extract = (context: string, fields: Field[]) => Record<string, unknown>;

/** The keys of samlify 2.13.1's `loginResponseFields(assertion)`, in order. */
const LOGIN_RESPONSE_KEYS = ['conditions', 'response', 'audience', 'issuer', 'nameID', 'sessionIndex', 'attributes'];
/** What postFlow reads from the result. */
export const DECIDING_KEYS: readonly string[] = ['conditions', 'issuer', 'sessionIndex'];

let installed: boolean | undefined;
let trim = true;
let trimmed = 0;

/** A stand-in assertion: samlify's list built for it, with each use of it replaced by the real assertion, is the list for that one. */
const PROBE = '\u0000rolegate-probe-assertion\u0000';

/** Same fields, same order, same definitions as samlify's own list for this assertion (`reference` is its list for PROBE). */
function isLoginResponseFields(fields: unknown, reference: Field[]): fields is Field[] {
  if (!Array.isArray(fields) || fields.length !== reference.length) return false;
  const assertion = (fields[0] as Field | undefined)?.shortcut;
  if (typeof assertion !== 'string') return false;
  return fields.every((f: Field, i) => sameField(f, reference[i] as Field, assertion));
}

/** Equal primitives, or arrays of equal elements (the field definitions hold strings, booleans and string arrays). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
}

function sameField(a: Field, b: Field, assertion: string): boolean {
  if (!a || typeof a !== 'object') return false;
  const keys = Object.keys(b);
  return Object.keys(a).length === keys.length && keys.every((k) => same(a[k], b[k] === PROBE ? assertion : b[k]));
}

/** Wraps samlify's `extract` once per process. Returns false (and changes nothing) for another samlify. */
export function installExtractTrim(): boolean {
  if (installed !== undefined) return installed;
  installed = false;
  const loaded = samlifyExtractor();
  const ex = loaded?.lib;
  if (!loaded || loaded.version !== SUPPORTED_SAMLIFY_VERSION || typeof ex?.extract !== 'function' || typeof ex.loginResponseFields !== 'function') {
    return false;
  }
  const original = ex.extract as Extract;
  const expected = ex.loginResponseFields as (assertion: unknown) => Field[];
  const reference = expected(PROBE);
  if (reference.map((f) => f.key).join() !== LOGIN_RESPONSE_KEYS.join()) return false;
  const parts = samlifyParts();
  ex.extract = function extract(context: string, fields: Field[]) {
    if (!trim || !engineRunActive() || !isLoginResponseFields(fields, reference)) return original(context, fields);
    trimmed++;
    const deciding = fields.filter((f) => DECIDING_KEYS.includes(f.key));
    if (!parts) return original(context, deciding);
    // conditions and sessionIndex: samlify-attribute-group.ts, without the serialize-and-parse round trip.
    const groups = deciding.map((f) => (isGroupField(f) ? readGroup(f, parts) : undefined));
    const rest = original(context, deciding.filter((_, i) => groups[i] === undefined));
    // samlify's result has one key per field, in field order.
    return Object.fromEntries(deciding.map((f, i) => [f.key, groups[i] ? groups[i].value : rest[f.key]]));
  };
  installed = true;
  return installed;
}

/** samlify's own parser, XPath select, camelCase and escapeXPathValue, or undefined when one is missing. */
function samlifyParts(): SamlifyParts | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the internal context samlify parses with.
    const { getContext } = require('samlify/build/src/api') as { getContext: typeof GetContext };
    const utility = samlifyUtility()?.lib;
    const select = samlifyXPath()?.lib?.select;
    if (typeof utility?.camelCase !== 'function' || typeof utility.escapeXPathValue !== 'function' || typeof select !== 'function') return undefined;
    return {
      parse: (xml) => getContext().dom.parseFromString(xml) as unknown as Document,
      select: (expression, node) => select(expression, node),
      camelCase: utility.camelCase,
      escapeXPathValue: utility.escapeXPathValue,
    };
  } catch {
    return undefined;
  }
}

/** Test-only: turn the trim off (samlify's full extraction) and on again. */
export function setExtractTrim(on: boolean): void {
  trim = on;
}

/** Extractions trimmed since process start (tests and the bench read it). */
export function trimmedExtractions(): number {
  return trimmed;
}
