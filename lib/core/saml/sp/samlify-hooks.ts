/**
 * The process-wide samlify hooks Rolegate installs, once:
 *
 * 1. The schema validator (samlify `setSchemaValidator`, mandatory since samlify refuses to parse without
 *    one; AWS-FACTS §2.1). Our pipeline has already parsed and schema-validated the exact string it hands
 *    to samlify, so the hook answers from a content-keyed handoff instead of parsing a second time. Any
 *    other string is parsed and validated in full. samlify's XXE-safe DOM parser options are untouched.
 *
 * 2. A cache of imported public keys. samlify's verifySignature turns the matched certificate into a PEM
 *    string on every call (`SamlLib.getKeyInfo(cert).getKey()`: an X.509 parse and a PEM export), and
 *    xml-crypto re-imports that PEM for every RSA verify. For certificates of a connection's metadata we
 *    hand xml-crypto the KeyObject imported once (it accepts any crypto.KeyLike). Other certificates keep
 *    samlify's path. samlify 2.13.1 offers no option for this, so the exported SamlLib object is wrapped.
 *
 * 3. The per-run parse memos of samlify-parse-memo.ts and xmlcrypto-parse-memo.ts (samlify's and
 *    xml-crypto's parses of one response), scoped by engine-run.ts.
 *
 * 4. The compiled XPath of xpath-fast.ts (samlify's and xml-crypto's `select` calls).
 *
 * 5. The faster xmldom cloneNode of xmldom-clone.ts, inside our samlify run only.
 *
 * 6. samlify's login-response extraction cut to the fields samlify decides on (samlify-extract.ts), inside
 *    our samlify run only.
 *
 * 7. xml-crypto's reference check without util.deprecate's prototype link, which kept every verified
 *    Document alive until a full GC (xmlcrypto-deprecate.ts), inside our samlify run only.
 *
 * 8. samlify's decode of the body we hand it answered with the string it encodes (samlify-base64.ts),
 *    inside our samlify run only.
 *
 * Each of 3–8 checks the library version and shape it was written for and otherwise leaves the library
 * alone; none changes what samlify or xml-crypto decide (engine-hooks.test.ts, xpath-fast.test.ts).
 */
import type { KeyObject } from 'node:crypto';
import { SamlLib, setSchemaValidator } from 'samlify';
import { rejectDoctype, parseOnce } from './gate';
import { installBodyShare } from './samlify-base64';
import { installExtractTrim } from './samlify-extract';
import { installPlainDeprecate } from './xmlcrypto-deprecate';
import { engineRunActive } from './engine-run';
import { installParseMemo } from './samlify-parse-memo';
import { installFastClone } from './xmldom-clone';
import { installFastXPath, type XPathInstance } from './xpath-fast';
import { validateResponseSchema } from './schema';
import { Trace } from './trace';

const handedOff = new Map<string, number>();
const trustedKeys = new Map<string, KeyObject>();

/** Validates a string samlify hands us that our pipeline did not prepare (never expected in our flows). */
async function validateStandalone(xml: string): Promise<string> {
  const trace = new Trace();
  rejectDoctype(xml, trace);
  validateResponseSchema(parseOnce(xml, trace));
  return 'valid';
}

async function validate(xml: string): Promise<string> {
  if (handedOff.has(xml)) return 'validated by the Rolegate pipeline';
  return validateStandalone(xml);
}

type GetKeyInfo = typeof SamlLib.getKeyInfo;

function installKeyCache(): void {
  const original: GetKeyInfo = SamlLib.getKeyInfo.bind(SamlLib);
  const cached: GetKeyInfo = (x509Certificate, signatureConfig) => {
    const base = original(x509Certificate, signatureConfig);
    const key = trustedKeys.get(String(x509Certificate).replace(/\s+/g, ''));
    // xml-crypto's publicCert is a crypto.KeyLike; samlify's declared type is the PEM string it builds.
    return key ? { ...base, getKey: () => key as unknown as string } : base;
  };
  SamlLib.getKeyInfo = cached;
}

export interface HookStatus {
  parseMemo: { samlify: boolean; xmlCrypto: boolean };
  xpath: XPathInstance[];
  fastClone: boolean;
  extractTrim: boolean;
  plainDeprecate: boolean;
  bodyShare: boolean;
}
let status: HookStatus | undefined;

/** Installs the hooks once per process. Safe to call from every connection. */
export function ensureSamlifyHooks(): HookStatus {
  if (status) return status;
  setSchemaValidator({ validate });
  installKeyCache();
  status = {
    parseMemo: installParseMemo(),
    xpath: installFastXPath(),
    fastClone: installFastClone(engineRunActive),
    extractTrim: installExtractTrim(),
    plainDeprecate: installPlainDeprecate(engineRunActive),
    bodyShare: installBodyShare(),
  };
  return status;
}

/** Registers a metadata certificate's imported key (keyed by its base64 body). */
export function trustKey(body: string, key: KeyObject): void {
  trustedKeys.set(body, key);
}

/** True when `body` has a cached key: lets tests and the bench prove the cache is in use. */
export function isKeyCached(body: string): boolean {
  return trustedKeys.has(body);
}

/** Runs `fn` (a samlify parse of `xml`) with `xml` marked as already schema-validated by us. */
export async function withHandoff<T>(xml: string, fn: () => Promise<T>): Promise<T> {
  handedOff.set(xml, (handedOff.get(xml) ?? 0) + 1);
  try {
    return await fn();
  } finally {
    const n = (handedOff.get(xml) ?? 1) - 1;
    if (n <= 0) handedOff.delete(xml);
    else handedOff.set(xml, n);
  }
}
