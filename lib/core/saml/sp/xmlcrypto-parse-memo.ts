/**
 * xml-crypto 6.3.2's parses, answered inside our samlify run (engine-run.ts): xml-crypto parses the whole
 * response again (`checkSignature(doc.toString())`) and its canonical SignedInfo twice (`loadSignature`, then
 * `checkSignature`). Its parsers are `new DOMParser()` with default options, on the @xmldom/xmldom instance
 * it loads (hooked on that DOMParser's prototype: xml-crypto exports no hook).
 *
 * - The response string itself is answered with our Document when `doc.toString()` reproduces the exact
 *   string we parsed (then the re-parse would build the same tree) and every Signature element of it is an
 *   XML-DSig one with a non-empty SignatureValue that no other Signature repeats. That condition makes
 *   xml-crypto's `findLoadedSignature` (which, on its own re-parsed copy, finds the loaded signature by its
 *   SignatureValue and refuses duplicates) pick the very same node as it does on our Document, so its verdict
 *   cannot change; otherwise xml-crypto parses as before.
 * - Its `"text/xml"` parses (the canonical SignedInfo strings) are shared between identical strings.
 *
 * Safety: per run, keyed by the exact string; the real parser does every real parse; xml-crypto clones before
 * canonicalizing and only reads its SignedInfo documents. engine-hooks.test.ts pins the hits.
 */
import { xmlCryptoXmldom } from './engine-internals';
import { currentRun, HTML_MIME, memoStats } from './engine-run';
import { descendants, NS } from './xml';

interface ParserLike {
  parseFromString(xml: string, mimeType?: string): Document;
  options?: unknown;
}

let installed = false;

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
  // Every element, as getElementsByTagName('*') lists them, without its live NodeList.
  for (const el of descendants(doc, '*', '*')) {
    if (el.localName !== 'Signature') continue;
    if (el.namespaceURI !== NS.ds) return false;
    const value = signatureValueOf(el);
    if (!value || seen.has(value)) return false;
    seen.add(value);
  }
  return true;
}

/** Wraps the parser of the DOMParser xml-crypto loads, once per process. Returns false if its shape differs. */
export function installXmlCryptoParseMemo(): boolean {
  if (installed) return true;
  const DOMParser = xmlCryptoXmldom()?.index?.DOMParser as { prototype: ParserLike } | undefined;
  if (typeof DOMParser?.prototype?.parseFromString !== 'function') return false;
  const proto = DOMParser.prototype;
  const original = proto.parseFromString;
  proto.parseFromString = function parseFromString(this: ParserLike, source: string, mimeType?: string) {
    const run = currentRun();
    if (!run || typeof source !== 'string' || !hasDefaultOptions(this.options) || HTML_MIME.test(String(mimeType))) {
      return original.call(this, source, mimeType);
    }
    if (source === run.xml) {
      run.shareResponse ??= signaturesUniquelyIdentified(run.doc);
      if (run.shareResponse) {
        memoStats.responseShared++;
        return run.doc;
      }
      memoStats.responseParsed++;
      return original.call(this, source, mimeType);
    }
    if (mimeType !== 'text/xml') return original.call(this, source, mimeType);
    let doc = run.xmlCrypto.get(source);
    if (doc) {
      memoStats.signedInfoHits++;
    } else {
      doc = original.call(this, source, mimeType);
      run.xmlCrypto.set(source, doc);
    }
    return doc;
  };
  installed = true;
  return installed;
}
