/**
 * Parse once, inside samlify too. For one 3.9 KB response samlify 2.13.1 calls its DOM parser 15 times
 * (checkStatus, verifySignature, and `extract` re-parsing the same assertion string once per field), about
 * 26 KB of XML, on top of the parse our own checks already did. During our call of `parseLoginResponse`
 * (and only then) identical strings get the same Document: samlify's first parse of the response is our
 * parse, and each assertion string is parsed once.
 *
 * Safety: the memo is scoped with AsyncLocalStorage to one engine run, so no Document is shared between
 * requests; samlify's own XXE-safe parser (its options untouched) still does every real parse; and in this
 * flow nothing mutates a parsed Document (checkStatus, verifySignature and extract only read; xml-crypto
 * clones before canonicalizing; decryption never runs inside it, see decrypt.ts). Outside our run, every
 * call goes straight to samlify's parser. samlify exports no hook for this, hence its internal `getContext`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { getContext as GetContext } from 'samlify/types/src/api';

interface ParserLike {
  parseFromString(xml: string, mimeType?: string): Document;
}

const scope = new AsyncLocalStorage<Map<string, Document>>();
let installed = false;

/** Wraps samlify's parser once per process. Returns false (and changes nothing) if samlify's shape differs. */
export function installParseMemo(): boolean {
  if (installed) return true;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- samlify's index does not re-export getContext.
  const api = require('samlify/build/src/api') as { getContext?: typeof GetContext };
  const context = api.getContext?.();
  const samlifyParser = context?.dom as ParserLike | undefined;
  if (!context || typeof samlifyParser?.parseFromString !== 'function') return false;
  const memoized: ParserLike = {
    parseFromString(xml, mimeType) {
      const docs = scope.getStore();
      if (!docs) return samlifyParser.parseFromString(xml, mimeType);
      let doc = docs.get(xml);
      if (!doc) {
        doc = samlifyParser.parseFromString(xml, mimeType);
        docs.set(xml, doc);
      }
      return doc;
    },
  };
  context.dom = memoized as unknown as typeof context.dom;
  installed = true;
  return true;
}

/** Runs one samlify flow with the memo on, seeded with the Document our pipeline parsed from `xml`. */
export function withParseMemo<T>(xml: string, doc: Document, fn: () => Promise<T>): Promise<T> {
  return scope.run(new Map([[xml, doc]]), fn);
}
