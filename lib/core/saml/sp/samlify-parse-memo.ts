/**
 * Parse once, inside samlify and xml-crypto too. For one 3.9 KB response samlify 2.13.1 calls its DOM
 * parser 15 times (checkStatus, verifySignature, and `extract` re-parsing the same assertion string once per
 * field), and xml-crypto 6.3.2 parses the whole response again (`checkSignature(doc.toString())`) and its
 * canonical SignedInfo twice (`loadSignature`, then `checkSignature`): about 30 KB of XML, on top of the
 * parse our own checks already did. During our call of `parseLoginResponse` (and only then):
 *
 * 1. samlify's parser (its own XXE-safe `DOMParser`, options untouched): identical strings get the same
 *    Document; samlify's first parse of the response is our parse; each assertion string is parsed once.
 * 2. xml-crypto's parsers (`new DOMParser()`, default options, same @xmldom/xmldom instance):
 *    - the response string itself is answered with our Document when `doc.toString()` reproduces the exact
 *      string we parsed (then the re-parse would build the same tree) and every Signature element of it is
 *      an XML-DSig one with a non-empty SignatureValue that no other Signature repeats. That condition makes
 *      xml-crypto's `findLoadedSignature` (which, on its own re-parsed copy, finds the loaded signature by its
 *      SignatureValue and refuses duplicates) pick the very same node as it does on our Document, so its
 *      verdict cannot change; otherwise xml-crypto parses as before.
 *    - its `"text/xml"` parses (the canonical SignedInfo strings of loadSignature and checkSignature) are
 *      shared between identical strings.
 *
 * Safety: the memo is scoped with AsyncLocalStorage to one engine run, so no Document is shared between
 * requests, and keyed by the exact string; the real parsers do every real parse; and in this flow nothing
 * mutates a parsed Document (checkStatus, verifySignature and extract only read; xml-crypto clones before
 * canonicalizing and reads its SignedInfo documents; decryption and signing never run inside it, see
 * decrypt.ts and create-saml-sp.ts `isAssertionEncrypted: false`). Outside our run, every call goes straight
 * to the parser. samlify exports no hook for this, hence its internal `getContext`; xml-crypto none either,
 * hence the prototype of the DOMParser it loads. engine.test.ts pins the number of hits for known responses.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { getContext as GetContext } from 'samlify/types/src/api';
import { xmlCryptoXmldom } from './engine-internals';
import { NS } from './xml';

interface ParserLike {
  parseFromString(xml: string, mimeType?: string): Document;
}

interface DomParserClass {
  prototype: ParserLike & { options?: unknown };
}

export interface ParseMemoStats {
  /** samlify parses answered from the memo (including our own Document). */
  samlifyHits: number;
  /** xml-crypto parses of the response answered with our Document. */
  responseShared: number;
  /** xml-crypto parses of the response done in full (the condition above did not hold). */
  responseParsed: number;
  /** xml-crypto "text/xml" parses answered from the memo. */
  signedInfoHits: number;
}

interface Run {
  xml: string;
  doc: Document;
  samlify: Map<string, Document>;
  xmlCrypto: Map<string, Document>;
  shareResponse?: boolean;
}

const scope = new AsyncLocalStorage<Run>();
const stats: ParseMemoStats = { samlifyHits: 0, responseShared: 0, responseParsed: 0, signedInfoHits: 0 };
let samlifyInstalled = false;
let xmlCryptoInstalled = false;

/** xmldom's DOMParser decides HTML by this test on the mime type (lib/dom-parser.js). */
const HTML_MIME = /\/x?html?$/;

/** `new DOMParser()` with nothing passed: xmldom stores `{ locator: {} }`. */
function hasDefaultOptions(options: unknown): boolean {
  if (!options || typeof options !== 'object') return false;
  const keys = Object.keys(options);
  return keys.length === 1 && keys[0] === 'locator' && typeof (options as { locator: unknown }).locator === 'object';
}

/** The first child element named SignatureValue, as xml-crypto's utils.findChildren finds it. */
function signatureValueOf(signature: Element): string | null | undefined {
  for (let i = 0; i < signature.childNodes.length; i++) {
    const c = signature.childNodes[i];
    if (c && c.nodeType === 1 && (c as Element).localName === 'SignatureValue') return c.textContent;
  }
  return undefined;
}

/**
 * True when every element named Signature (any namespace: samlify selects by local name) is an XML-DSig
 * Signature whose SignatureValue is non-empty and unique in the document.
 */
export function signaturesUniquelyIdentified(doc: Document): boolean {
  const seen = new Set<string>();
  const all = doc.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) {
    const el = all.item(i) as Element;
    if (el.localName !== 'Signature') continue;
    if (el.namespaceURI !== NS.ds) return false;
    const value = signatureValueOf(el);
    if (!value || seen.has(value)) return false;
    seen.add(value);
  }
  return true;
}

function installSamlify(): boolean {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- samlify's index does not re-export getContext.
  const api = require('samlify/build/src/api') as { getContext?: typeof GetContext };
  const context = api.getContext?.();
  const samlifyParser = context?.dom as ParserLike | undefined;
  if (!context || typeof samlifyParser?.parseFromString !== 'function') return false;
  const memoized: ParserLike = {
    parseFromString(xml, mimeType) {
      const run = scope.getStore();
      if (!run) return samlifyParser.parseFromString(xml, mimeType);
      let doc = run.samlify.get(xml);
      if (doc) {
        stats.samlifyHits++;
      } else {
        doc = samlifyParser.parseFromString(xml, mimeType);
        run.samlify.set(xml, doc);
      }
      return doc;
    },
  };
  context.dom = memoized as unknown as typeof context.dom;
  return true;
}

/** The @xmldom/xmldom DOMParser xml-crypto loads, or undefined. */
function xmlCryptoDomParser(): DomParserClass | undefined {
  const DOMParser = xmlCryptoXmldom()?.index?.DOMParser as DomParserClass | undefined;
  return typeof DOMParser?.prototype?.parseFromString === 'function' ? DOMParser : undefined;
}

function installXmlCrypto(): boolean {
  const DOMParser = xmlCryptoDomParser();
  if (!DOMParser) return false;
  const proto = DOMParser.prototype;
  const original = proto.parseFromString;
  proto.parseFromString = function parseFromString(this: ParserLike & { options?: unknown }, source: string, mimeType?: string) {
    const run = scope.getStore();
    if (!run || typeof source !== 'string' || !hasDefaultOptions(this.options) || HTML_MIME.test(String(mimeType))) {
      return original.call(this, source, mimeType);
    }
    if (source === run.xml) {
      run.shareResponse ??= signaturesUniquelyIdentified(run.doc);
      if (run.shareResponse) {
        stats.responseShared++;
        return run.doc;
      }
      stats.responseParsed++;
      return original.call(this, source, mimeType);
    }
    if (mimeType !== 'text/xml') return original.call(this, source, mimeType);
    let doc = run.xmlCrypto.get(source);
    if (doc) {
      stats.signedInfoHits++;
    } else {
      doc = original.call(this, source, mimeType);
      run.xmlCrypto.set(source, doc);
    }
    return doc;
  };
  return true;
}

/** Wraps samlify's parser and xml-crypto's once per process. Returns false where a library's shape differs. */
export function installParseMemo(): { samlify: boolean; xmlCrypto: boolean } {
  if (!samlifyInstalled) samlifyInstalled = installSamlify();
  if (!xmlCryptoInstalled) xmlCryptoInstalled = installXmlCrypto();
  return { samlify: samlifyInstalled, xmlCrypto: xmlCryptoInstalled };
}

/** Runs one samlify flow with the memo on, seeded with the Document our pipeline parsed from `xml`. */
export function withParseMemo<T>(xml: string, doc: Document, fn: () => Promise<T>): Promise<T> {
  return scope.run({ xml, doc, samlify: new Map([[xml, doc]]), xmlCrypto: new Map() }, fn);
}

/** True while one of our samlify runs is on the current async path. */
export function engineRunActive(): boolean {
  return scope.getStore() !== undefined;
}

/** Counters since process start (tests and the bench read them). */
export function parseMemoStats(): ParseMemoStats {
  return { ...stats };
}
