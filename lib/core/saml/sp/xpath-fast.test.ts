import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { samlifyXPath, xmlCryptoXPath } from './engine-internals';
import { ensureSamlifyHooks } from './samlify-hooks';
import { b64, connect, context } from './testing/harness';
import { createTestIdp } from './testing/test-idp';
import { allNodes, ODD_DOCUMENTS, parseAny, shapeResponses } from './testing/xml-corpus';
import { SHAPES, type IdpShape } from './testing/shapes';
import { ID_LOOKUP, librarySelect, MAX_XPATH_EXPRESSIONS, setXPathShadowCheck, xpathMemoSize, xpathStats } from './xpath-fast';

/* eslint-disable @typescript-eslint/no-explicit-any -- the xpath module is untyped. */

const DS = 'http://www.w3.org/2000/09/xmldsig#';

/** What samlify 2.13.1 and xml-crypto 6.3.2 select while validating a response, plus neighbours. */
const EXPRESSIONS = [
  "/*[contains(local-name(), 'Response') or contains(local-name(), 'Request')]/*[local-name(.)='Signature']",
  "/*[contains(local-name(), 'Response') or contains(local-name(), 'Request')]/*[local-name(.)='Assertion']/*[local-name(.)='Signature']",
  "/*[contains(local-name(), 'Response')]/*[local-name(.)='Assertion']/*[local-name(.)='Subject']/*[local-name(.)='SubjectConfirmation']/*[local-name(.)='SubjectConfirmationData']//*[local-name(.)='Assertion' or local-name(.)='Signature']",
  ".//*[local-name(.)='X509Certificate']",
  "./*[local-name()='Assertion']",
  "./*[local-name()='EncryptedAssertion']",
  "//*[local-name(.)='Assertion']",
  "/*[contains(local-name(), 'Response')]/*[local-name(.)='EncryptedAssertion']",
  "/*[local-name(.)='Response']/@*[name()='ID' or name()='IssueInstant' or name()='Destination' or name()='InResponseTo']",
  "/*[local-name(.)='Response']/*[local-name(.)='Status']/*[local-name(.)='StatusCode']/@Value",
  "/*[local-name(.)='Response']/*[local-name(.)='Status']/*[local-name(.)='StatusCode']/*[local-name(.)='StatusCode']/@Value",
  "string(/*[local-name(.)='Assertion']/*[local-name(.)='Conditions']/*[local-name(.)='AudienceRestriction']/*[local-name(.)='Audience']/text())",
  "/*[local-name(.)='Assertion']/*[local-name(.)='AttributeStatement']/*[local-name(.)='Attribute']/@Name",
  "/*[local-name(.)='Attribute']/*[local-name(.)='AttributeValue']/text()",
  "/*[local-name(.)='AuthnStatement']/@*[name()='AuthnInstant' or name()='SessionNotOnOrAfter' or name()='SessionIndex']",
  "string(/*[local-name(.)='Assertion']/*[local-name(.)='Subject']/*[local-name(.)='NameID']/text())",
  "/*[local-name(.)='EntityDescriptor']/*[contains(local-name(), 'SSODescriptor')]/*[local-name(.)='KeyDescriptor']/@use",
  "/*[local-name(.)='EntityDescriptor']/@entityID",
  `.//*[local-name(.)='Signature' and namespace-uri(.)='${DS}']`,
  `./*[local-name(.)='Signature' and namespace-uri(.)='${DS}']`,
  `//*[local-name(.)='Signature' and namespace-uri(.)='${DS}']`,
  ".//*[local-name(.)='CanonicalizationMethod']/@Algorithm",
  ".//*[local-name(.)='SignatureMethod']/@Algorithm",
  ".//*[local-name(.)='SignatureValue']/text()",
  ".//*[local-name(.)='KeyInfo']",
  "//*[local-name()='SignedInfo']",
  './/comment()',
  '//*',
  // ID lookups: the template, with awkward literals, and the same shape with double quotes (not the template).
  "//*[@*[local-name(.)='ID']='_a']",
  "//*[@*[local-name(.)='Id']='_x']",
  "//*[@*[local-name(.)='id']='_y']",
  "//*[@*[local-name(.)='ID']='']",
  "//*[@*[local-name(.)='ID']='_evil']",
  "//*[@*[local-name(.)='ID']=']\"[\u0000é']",
  "//*[@*[local-name(.)='']='_a']",
  '//*[@*[local-name(.)="ID"]="_a"]',
  // Neighbours of the subset: case-insensitive name tests, namespace-uri on unqualified nodes (0.0.33 says
  // "null"), name(), text(), string() of elements and attributes, wildcard attributes, self.
  './/@algorithm',
  '/*/@ID',
  '@*',
  'text()',
  '.',
  'self::node()',
  "//*[namespace-uri(.)='']",
  "//*[namespace-uri()='null']",
  "//@*[name()='xmlns:ds' or name()='x:Name']",
  "//*[contains(local-name(), 'ssert')]",
  "//*[local-name()='assertion']",
  "//*[local-name(.)='Issuer' or local-name(.)='Audience' and name()='saml:Audience']",
  "string(//*[local-name(.)='NameID'])",
  "string(//@*[local-name(.)='ID'])",
  "string(/*[local-name(.)='Nope'])",
  '//text()',
  '//comment()',
  // Orders: kept by construction (child of one level, attributes, one descendant walk) or sorted by the library.
  '/*/*/*',
  '/*/*/@*',
  '//*/@*',
  '//*/*',
  '//*//*',
  '//*/text()',
  '//*//text()',
  './/*/.//@*',
  // Outside the subset: the library answers (positions, counts, prefixes, parent axis, inequality).
  '//*[1]',
  'count(//*)',
  '//*[position()=2]',
  '//*[last()]',
  '..',
  "//*[@ID != 'x']",
  'local-name(/*)',
  'name()',
  '//saml:Issuer',
];

interface Instance {
  owner: string;
  lib: any;
  original: (e: unknown, doc: unknown, r: unknown, single?: boolean) => unknown;
}

function outcome(f: () => unknown): { value?: unknown; error?: string } {
  try {
    return { value: f() };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

function assertSame(actual: { value?: unknown; error?: string }, expected: { value?: unknown; error?: string }, what: string): void {
  if (expected.error !== undefined || actual.error !== undefined) {
    assert.equal(actual.error, expected.error, what);
    return;
  }
  if (Array.isArray(expected.value)) {
    assert.ok(Array.isArray(actual.value), what);
    const a = actual.value as unknown[];
    const b = expected.value;
    assert.equal(a.length, b.length, what);
    for (let i = 0; i < a.length; i++) assert.ok(a[i] === b[i], `${what}: node ${i} differs`);
  } else {
    assert.ok(actual.value === expected.value, `${what}: ${String(actual.value)} !== ${String(expected.value)}`);
  }
}

describe('xpath-fast: the compiled XPath of samlify and xml-crypto', () => {
  let instances: Instance[];
  let docs: Document[];

  before(async () => {
    const status = ensureSamlifyHooks();
    // Pinned: the versions the fast path was written against, installed on the instances the libraries load.
    assert.deepEqual(
      status.xpath.map(({ owner, version, installed }) => ({ owner, version, installed })),
      [
        { owner: 'samlify', version: '0.0.34', installed: true },
        { owner: 'xml-crypto', version: '0.0.33', installed: true },
      ],
    );
    instances = [
      ['samlify', samlifyXPath()?.lib],
      ['xml-crypto', xmlCryptoXPath()?.lib],
    ].map(([owner, lib]) => {
      const original = librarySelect(lib);
      assert.ok(original, `${String(owner)}: no library select recorded`);
      return { owner: owner as string, lib, original };
    });
    docs = [...ODD_DOCUMENTS, ...(await shapeResponses())].map(parseAny);
  });

  it('answers exactly as the library: every expression, document and context node, both xpath versions', () => {
    const before = xpathStats();
    let compared = 0;
    for (const { owner, lib, original } of instances) {
      for (const [d, doc] of docs.entries()) {
        // Every node of the odd documents; the document, its root and every element of the real ones.
        const contexts = d < ODD_DOCUMENTS.length ? allNodes(doc) : allNodes(doc).filter((n) => n.nodeType === 1 || n.nodeType === 9);
        for (const e of EXPRESSIONS) {
          for (const node of contexts) {
            for (const single of node.nodeType === 9 ? [false, true] : [false]) {
              const what = `${owner} ${e} on doc ${d} ${node.nodeName}${single ? ' (single)' : ''}`;
              assertSame(
                outcome(() => lib.selectWithResolver(e, node, null, single)),
                outcome(() => original(e, node, null, single)),
                what,
              );
              compared++;
            }
          }
        }
      }
    }
    const after = xpathStats();
    assert.ok(compared > 10_000, `${compared} comparisons`);
    assert.ok(after.fast - before.fast > compared * 0.7, 'most answers came from the fast path');
    assert.ok(after.library - before.library > 0, 'unsupported expressions went to the library');
    assert.ok(after.sortsSkipped - before.sortsSkipped > 1000, 'results in document order by construction were not sorted again');
  });

  it('gives the library the calls it must answer: non-node contexts and unparsable expressions', () => {
    for (const { lib, original } of instances) {
      for (const [e, ctx] of [
        ['//*', undefined],
        ['//*', { nodeType: 1 }],
        ['//*[', docs[0]],
        ['', docs[0]],
      ] as const) {
        assertSame(outcome(() => lib.selectWithResolver(e, ctx, null)), outcome(() => original(e, ctx, null)), `${String(e)} on ${String(ctx)}`);
      }
    }
  });

  it('recognises only the exact xml-crypto ID lookup as the template', () => {
    assert.ok(ID_LOOKUP.test("//*[@*[local-name(.)='ID']='_abc']"));
    assert.ok(ID_LOOKUP.test("//*[@*[local-name(.)='id']='']"));
    for (const e of ['//*[@*[local-name(.)="ID"]="_abc"]', "//*[@*[local-name(.)='ID']='a'b']", " //*[@*[local-name(.)='ID']='_abc']", "//*[@*[local-name(.)='ID']='_abc'] "]) {
      assert.ok(!ID_LOOKUP.test(e), e);
    }
  });

  it('keeps the expression memo bounded', () => {
    const { lib } = instances[0] as Instance;
    for (let i = 0; i < MAX_XPATH_EXPRESSIONS * 3; i++) lib.select(`//*[local-name(.)='n${i}']`, docs[0]);
    assert.ok(xpathMemoSize() <= MAX_XPATH_EXPRESSIONS * instances.length, `${xpathMemoSize()} expressions kept`);
  });

  it('is what samlify and xml-crypto use: every select of a validation is compiled, none reaches the library', async () => {
    const idp = await createTestIdp('adfs');
    const { sp, testSp } = await connect(idp);
    const ctx = context();
    ctx.requests.add('_pin');
    const xml = await idp.issue(testSp, { inResponseTo: '_pin', user: { nameId: 'pin@example.com', attributes: { groups: ['a', 'b'] } } });
    const before = xpathStats();
    await sp.validateResponse(b64(xml), ctx);
    const after = xpathStats();
    // samlify 2.13.1 + xml-crypto 6.3.2 select 20 times for this ADFS-shaped response (samlify-extract.ts cuts
    // the extraction to its deciding fields and reads its attribute groups without a re-parse), 4 of them ID
    // lookups. A library upgrade that changes this must come back and re-check the fast path.
    assert.equal(after.library - before.library, 0);
    assert.equal(after.fast - before.fast, 20);
    assert.equal(after.templateHits - before.templateHits, 4);
  });

  it('matches the library on every select of real validations (shadow mode), every IdP shape', async () => {
    setXPathShadowCheck(true);
    try {
      for (const shape of Object.keys(SHAPES) as IdpShape[]) {
        const idp = await createTestIdp(shape);
        const { sp, testSp } = await connect(idp);
        const ctx = context();
        ctx.requests.add('_shadow');
        const xml = await idp.issue(testSp, { inResponseTo: '_shadow', user: { nameId: `${shape}@example.com`, attributes: { groups: ['a', 'b'] } } });
        const before = xpathStats();
        const r = await sp.validateResponse(b64(xml), ctx);
        const after = xpathStats();
        assert.equal(r.nameId, `${shape}@example.com`);
        assert.ok(after.shadowChecked - before.shadowChecked >= 20, `${shape}: every fast answer was checked`);
        assert.equal(after.shadowChecked - before.shadowChecked, after.fast - before.fast);
      }
    } finally {
      setXPathShadowCheck(false);
    }
  });
});
