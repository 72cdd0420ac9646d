/**
 * Parse once, inside samlify too. For one 3.9 KB response samlify 2.13.1 calls its DOM parser 15 times
 * (checkStatus, verifySignature, and `extract` re-parsing the same strings once per field), on top of the
 * parse our own checks already did. During our samlify run (engine-run.ts), and only then, samlify's parser
 * (its own XXE-safe `DOMParser`, options untouched) answers:
 *
 * 1. identical strings with the same Document; the response string with our Document;
 * 2. samlify's serialization of the canonical assertion it parsed (`rootNode.toString()`, then parsed again
 *    by `extract`) with the canonical assertion's Document, when empty-tag-equivalence.ts shows xmldom reads
 *    both strings as the same tree (the serialization writes `<x/>` where exc-c14n wrote `<x></x>`).
 *
 * Safety: per run, keyed by the exact string (or an equivalence that is sound by construction); the real
 * parser does every real parse; and in this flow nothing mutates a parsed Document (checkStatus,
 * verifySignature and extract only read; decryption and signing never run inside it, see decrypt.ts and
 * create-saml-sp.ts `isAssertionEncrypted: false`). samlify exports no hook for this, hence its internal
 * `getContext`. engine-hooks.test.ts pins the hits; xml-crypto's parses are xmlcrypto-parse-memo.ts.
 */
import type { getContext as GetContext } from 'samlify/types/src/api';
import { sameTreeModuloEmptyTags } from './empty-tag-equivalence';
import { currentRun, HTML_MIME, memoStats, type EngineRun } from './engine-run';
import { installXmlCryptoParseMemo } from './xmlcrypto-parse-memo';

interface ParserLike {
  parseFromString(xml: string, mimeType?: string): Document;
  options?: unknown;
}

let samlifyInstalled = false;

/** samlify's XXE-safe parser as samlify 2.13.1 builds it: options hold its errorHandler and nothing else. */
function plainOptions(parser: ParserLike): boolean {
  const o = parser.options;
  return !!o && typeof o === 'object' && Object.keys(o).join() === 'errorHandler';
}

/**
 * A Document this run's parser built from a string that xmldom reads as the same tree as `xml`, or
 * undefined. Only with samlify's own option set (no locator: nodes carry no source positions).
 */
function twinOf(run: EngineRun, xml: string, parser: ParserLike): Document | undefined {
  // The strings agree up to the first empty tag of `xml`, and only the other one spells it out.
  const firstEmpty = xml.indexOf('/>');
  if (firstEmpty < 0 || !plainOptions(parser)) return undefined;
  const prefix = xml.slice(0, firstEmpty);
  for (const [source, doc] of run.samlify) {
    if (source.length > xml.length && source.startsWith(prefix) && sameTreeModuloEmptyTags(xml, source)) return doc;
  }
  return undefined;
}

function installSamlify(): boolean {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- samlify's index does not re-export getContext.
  const api = require('samlify/build/src/api') as { getContext?: typeof GetContext };
  const context = api.getContext?.();
  const samlifyParser = context?.dom as ParserLike | undefined;
  if (!context || typeof samlifyParser?.parseFromString !== 'function') return false;
  const memoized: ParserLike = {
    parseFromString(xml, mimeType) {
      const run = currentRun();
      // samlify parses as XML only; an HTML type (never passed by samlify 2.13.1) is parsed apart.
      if (!run || HTML_MIME.test(String(mimeType))) return samlifyParser.parseFromString(xml, mimeType);
      let doc = run.samlify.get(xml);
      if (doc) {
        memoStats.samlifyHits++;
        return doc;
      }
      doc = twinOf(run, xml, samlifyParser);
      if (doc) memoStats.samlifyTwins++;
      else doc = samlifyParser.parseFromString(xml, mimeType);
      run.samlify.set(xml, doc);
      return doc;
    },
  };
  context.dom = memoized as unknown as typeof context.dom;
  return true;
}

/** Wraps samlify's parser and xml-crypto's once per process. Returns false where a library's shape differs. */
export function installParseMemo(): { samlify: boolean; xmlCrypto: boolean } {
  if (!samlifyInstalled) samlifyInstalled = installSamlify();
  return { samlify: samlifyInstalled, xmlCrypto: installXmlCryptoParseMemo() };
}
