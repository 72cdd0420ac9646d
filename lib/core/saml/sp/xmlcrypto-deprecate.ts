/**
 * Keeps xml-crypto from holding every verified Document until a full GC.
 *
 * xml-crypto 6.3.2's `SignedXml.validateReference` sets, on every reference it checks,
 * `ref.getValidatedNode = util.deprecate((xpathSelector) => …select1(xpathSelector, doc)…, msg)`: a closure
 * over the whole Document being verified (our parse of the response, see xmlcrypto-parse-memo.ts). Node's
 * `util.deprecate` makes that closure the prototype of its wrapper (`Object.setPrototypeOf`), and V8 keeps a
 * function that became a prototype alive through young-generation GCs (its prototype-transition entry is
 * cleared only by a full mark-compact). So every verified Document was promoted to the old generation and
 * freed only by a major GC, whose concurrent marking runs on helper threads: ~50 KB promoted per
 * validation, half of all promotion, and a large share of the CPU time the bench counts.
 *
 * During our samlify run (and only then), for the duration of that synchronous call, `util.deprecate` is a
 * wrapper with the same behaviour minus the prototype: the same single DeprecationWarning with the same
 * message on the first call of the deprecated function (Node 20 `deprecate` with no code), `new` and
 * `this` forwarded. A call with a deprecation code goes to Node's own. Nothing in our flow calls
 * `getValidatedNode`; what validateReference computes and decides is untouched (xmlcrypto-deprecate.test.ts).
 * Installed only for xml-crypto 6.3.2 as samlify loads it.
 */
// The module object itself (not a namespace copy): xml-crypto's `require("util")` reads `deprecate` from it at call time.
import util from 'node:util';
import { samlifyXmlCrypto } from './engine-internals';

export const SUPPORTED_XML_CRYPTO_VERSION = '6.3.2';

type Deprecate = typeof util.deprecate;
/* eslint-disable @typescript-eslint/no-explicit-any -- xml-crypto's prototype and util's export object, as the libraries see them. */
type AnyFn = (...args: any[]) => any;

let installed: boolean | undefined;
let wrapped = 0;

/** Node 20's `util.deprecate(fn, msg)` (no code) without `Object.setPrototypeOf(deprecated, fn)`. */
function withoutPrototype(real: Deprecate): Deprecate {
  return ((fn: AnyFn, msg: string, code?: string, ...rest: unknown[]) => {
    if (code !== undefined || rest.length > 0) return (real as AnyFn)(fn, msg, code, ...rest);
    wrapped++;
    let warned = false;
    function deprecated(this: unknown, ...args: unknown[]): unknown {
      if (!process.noDeprecation && !warned) {
        warned = true;
        process.emitWarning(msg, 'DeprecationWarning', deprecated);
      }
      if (new.target) return Reflect.construct(fn, args, new.target);
      return Reflect.apply(fn, this, args);
    }
    if (fn.prototype) deprecated.prototype = fn.prototype;
    return deprecated;
  }) as Deprecate;
}

/** Wraps xml-crypto's validateReference once per process. Returns false (and changes nothing) for another xml-crypto. */
export function installPlainDeprecate(isActive: () => boolean): boolean {
  if (installed !== undefined) return installed;
  installed = false;
  const loaded = samlifyXmlCrypto();
  const proto = loaded?.lib?.SignedXml?.prototype;
  if (!loaded || loaded.version !== SUPPORTED_XML_CRYPTO_VERSION || typeof proto?.validateReference !== 'function') return false;
  const exports = util as unknown as { deprecate: Deprecate };
  if (typeof exports.deprecate !== 'function') return false;
  const original = proto.validateReference as AnyFn;
  proto.validateReference = function validateReference(this: unknown, ...args: unknown[]) {
    if (!isActive()) return original.apply(this, args);
    const real = exports.deprecate;
    exports.deprecate = withoutPrototype(real);
    try {
      return original.apply(this, args);
    } finally {
      exports.deprecate = real;
    }
  };
  installed = true;
  return installed;
}

/** Deprecation wrappers built without a prototype since process start (tests read it). */
export function plainDeprecations(): number {
  return wrapped;
}
