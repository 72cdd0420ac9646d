/**
 * The module instances samlify and xml-crypto really use, for the hooks of xpath-fast.ts,
 * samlify-parse-memo.ts, xmldom-clone.ts, xmlcrypto-deprecate.ts, samlify-extract.ts and samlify-base64.ts.
 *
 * Under Node (tsx, tests, the bench) each is resolved from the library's own package directory with
 * `createRequire`, which is exactly Node's resolution for that library's `require(...)`. A bundler (Next's
 * Turbopack or webpack) cannot follow that, so the fallback is a literal `require` of the path the
 * package-lock layout gives (npm cannot hoist xml-crypto's xpath: it pins 0.0.33 and samlify needs
 * ^0.0.34); a bundler resolves a literal path to the same module it links into the library. Every literal
 * `require` sits in a `try`, which both bundlers treat as optional (a warning, never a build error) should a
 * later install change the layout; the hook then simply is not installed. engine-hooks.test.ts pins that
 * every hook is installed on the instance the libraries use.
 */
import { createRequire } from 'node:module';

/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any -- library internals. */

export interface Loaded {
  lib: any;
  version: string;
}

/** `req(id)` and `req(id + '/package.json').version` from `pkg`'s own directory, under plain Node. */
function fromPackage(pkg: string, id: string): Loaded | undefined {
  try {
    const req = createRequire(require.resolve(`${pkg}/package.json`));
    return { lib: req(id), version: (req(`${id}/package.json`) as { version: string }).version };
  } catch {
    return undefined;
  }
}

/** `load()` (literal requires a bundler can follow), or undefined when a module is not where it looks. */
function attempt(load: () => Loaded): Loaded | undefined {
  try {
    return load();
  } catch {
    return undefined;
  }
}

const versionOf = (manifest: unknown): string => (manifest as { version: string }).version;

/** The xpath samlify loads. */
export function samlifyXPath(): Loaded | undefined {
  return fromPackage('samlify', 'xpath') ?? attempt(() => ({ lib: require('xpath'), version: versionOf(require('xpath/package.json')) }));
}

/** The xpath xml-crypto loads (its own nested copy). */
export function xmlCryptoXPath(): Loaded | undefined {
  return (
    fromPackage('xml-crypto', 'xpath') ??
    attempt(() => ({ lib: require('xml-crypto/node_modules/xpath'), version: versionOf(require('xml-crypto/node_modules/xpath/package.json')) }))
  );
}

/** The xml-crypto samlify loads: its SignedXml class and version. */
export function samlifyXmlCrypto(): Loaded | undefined {
  return fromPackage('samlify', 'xml-crypto') ?? attempt(() => ({ lib: require('xml-crypto'), version: versionOf(require('xml-crypto/package.json')) }));
}

/** samlify's extractor module (not re-exported by its index), with samlify's version. */
export function samlifyExtractor(): Loaded | undefined {
  return attempt(() => ({ lib: require('samlify/build/src/extractor'), version: versionOf(require('samlify/package.json')) }));
}

/** samlify's utility module (base64Decode, used by its flows), with samlify's version. */
export function samlifyUtility(): Loaded | undefined {
  return attempt(() => ({ lib: require('samlify/build/src/utility'), version: versionOf(require('samlify/package.json')) }));
}

/** The @xmldom/xmldom xml-crypto loads: its index (DOMParser) and lib/dom.js (Node, walkDOM, NodeList). */
export function xmlCryptoXmldom(): { index: any; dom: any; version: string } | undefined {
  try {
    const req = createRequire(require.resolve('xml-crypto/package.json'));
    return { index: req('@xmldom/xmldom'), dom: req('@xmldom/xmldom/lib/dom.js'), version: req('@xmldom/xmldom/package.json').version };
  } catch {
    // Not plain Node: the literal paths below.
  }
  try {
    return {
      index: require('@xmldom/xmldom'),
      dom: require('@xmldom/xmldom/lib/dom.js'),
      version: (require('@xmldom/xmldom/package.json') as { version: string }).version,
    };
  } catch {
    return undefined;
  }
}
