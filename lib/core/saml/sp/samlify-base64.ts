/**
 * samlify 2.13.1's POST flow decodes the SAMLResponse body we hand it (`String(base64Decode(body))`,
 * src/flow.ts postFlow): engine.ts encodes the exact string our pipeline checked, so the decode rebuilds that
 * string as a new copy, which every memo lookup of the run then hashes and compares again. During our run
 * (engine-run.ts), and only for that body string itself, samlify's `base64Decode` answers with our string.
 *
 * Exact: `Buffer.from(base64(utf8(s)), 'base64').toString()` is `s` for every well-formed UTF-16 string (no
 * lone surrogate, which UTF-8 cannot carry); the hook checks that, and any other input, a bytes request or
 * a string that is not our body, goes to samlify's own function. Installed only for samlify 2.13.1.
 */
import { samlifyUtility } from './engine-internals';
import { currentRun, memoStats } from './engine-run';

export const SUPPORTED_SAMLIFY_VERSION = '2.13.1';

type Decode = (message: string, isBytes?: boolean) => string | Buffer;
let installed: boolean | undefined;

/** No lone surrogate (String.prototype.isWellFormed, ES2024; the `u` regex is its definition). */
function wellFormed(s: string): boolean {
  const native = (s as unknown as { isWellFormed?: () => boolean }).isWellFormed;
  return typeof native === 'function' ? native.call(s) : !/\p{Surrogate}/u.test(s);
}

/** The base64 body engine.ts hands samlify for `xml`. */
export function bodyOf(xml: string): string {
  return Buffer.from(xml, 'utf8').toString('base64');
}

/** Wraps samlify's `base64Decode` once per process. Returns false (and changes nothing) for another samlify. */
export function installBodyShare(): boolean {
  if (installed !== undefined) return installed;
  installed = false;
  const loaded = samlifyUtility();
  const utility = loaded?.lib as { base64Decode?: Decode } | undefined;
  const original = utility?.base64Decode;
  if (!loaded || loaded.version !== SUPPORTED_SAMLIFY_VERSION || typeof original !== 'function') return false;
  (utility as { base64Decode: Decode }).base64Decode = function base64Decode(message: string, isBytes?: boolean) {
    const run = currentRun();
    if (run && !isBytes && run.body !== undefined && message === run.body && wellFormed(run.xml)) {
      memoStats.bodyShared++;
      return run.xml;
    }
    return original(message, isBytes);
  };
  installed = true;
  return installed;
}
