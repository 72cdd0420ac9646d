import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { DOMParser } from '@xmldom/xmldom';
import { xmlCryptoXmldom } from './engine-internals';
import { engineRunActive, parseMemoStats, withEngineRun, type ParseMemoStats } from './engine-run';
import { signaturesUniquelyIdentified } from './xmlcrypto-parse-memo';
import { trimmedExtractions } from './samlify-extract';
import { ensureSamlifyHooks } from './samlify-hooks';
import { b64, connect, context } from './testing/harness';
import { createTestIdp } from './testing/test-idp';
import { allNodes, ODD_DOCUMENTS, parseAny, shapeResponses } from './testing/xml-corpus';
import { cloneBothWays, fastCloneCount, sameTree } from './xmldom-clone';
import { parseXml } from './xml';

const delta = (a: ParseMemoStats, b: ParseMemoStats): ParseMemoStats => ({
  samlifyHits: b.samlifyHits - a.samlifyHits,
  samlifyTwins: b.samlifyTwins - a.samlifyTwins,
  bodyShared: b.bodyShared - a.bodyShared,
  responseShared: b.responseShared - a.responseShared,
  responseParsed: b.responseParsed - a.responseParsed,
  signedInfoHits: b.signedInfoHits - a.signedInfoHits,
});

const DSIG = 'xmlns:ds="http://www.w3.org/2000/09/xmldsig#"';
const withSignatures = (...values: string[]): Document =>
  parseXml(`<r ${DSIG}>${values.map((v) => `<ds:Signature><ds:SignedInfo/><ds:SignatureValue>${v}</ds:SignatureValue></ds:Signature>`).join('')}</r>`);

describe('engine hooks: parse memo inside samlify and xml-crypto, fast xmldom clone', () => {
  before(() => {
    const status = ensureSamlifyHooks();
    assert.deepEqual(status.parseMemo, { samlify: true, xmlCrypto: true });
    assert.equal(status.fastClone, true, 'xmldom 0.8.15 and its self-test: the fast clone is installed');
    assert.equal(status.extractTrim, true, 'samlify 2.13.1: the extraction is cut to the deciding fields');
  });

  it('pins the parses and clones of one validation (samlify 2.13.1, xml-crypto 6.3.2, xmldom 0.8.15)', async () => {
    const idp = await createTestIdp('adfs');
    const { sp, testSp } = await connect(idp);
    const ctx = context();
    ctx.requests.add('_pin');
    const xml = await idp.issue(testSp, { inResponseTo: '_pin', user: { nameId: 'pin@example.com', attributes: { groups: ['a', 'b'] } } });
    const stats = parseMemoStats();
    const clones = fastCloneCount();
    const trimmed = trimmedExtractions();
    await sp.validateResponse(b64(xml), ctx);
    // samlify re-parses the response 3 times and its serialization of the canonical assertion 3 times (the
    // first answered with the canonical assertion's tree, the twin); xml-crypto re-parses the response
    // (`doc.toString()`) once and its canonical SignedInfo twice; it clones SignedInfo twice and the assertion.
    // The extraction is cut to samlify's deciding fields, so no Attribute and no Response is re-parsed.
    assert.deepEqual(delta(stats, parseMemoStats()), { samlifyHits: 5, samlifyTwins: 1, bodyShared: 1, responseShared: 1, responseParsed: 0, signedInfoHits: 1 });
    assert.equal(fastCloneCount() - clones, 3);
    assert.equal(trimmedExtractions() - trimmed, 1);
    assert.equal(engineRunActive(), false, 'the scope ends with the run');
  });

  it('shares the response with xml-crypto only when each Signature has its own non-empty SignatureValue', () => {
    assert.equal(signaturesUniquelyIdentified(withSignatures('AAAA', 'BBBB')), true);
    assert.equal(signaturesUniquelyIdentified(withSignatures('AAAA', 'AAAA')), false, 'duplicate: xml-crypto refuses to guess');
    assert.equal(signaturesUniquelyIdentified(withSignatures('')), false, 'empty: xml-crypto finds no loaded signature');
    assert.equal(signaturesUniquelyIdentified(parseXml(`<r><Signature><SignatureValue>A</SignatureValue></Signature></r>`)), false, 'not XML-DSig');
    assert.equal(signaturesUniquelyIdentified(parseXml(`<r ${DSIG}><ds:Signature/></r>`)), false, 'no SignatureValue');
    assert.equal(signaturesUniquelyIdentified(parseXml('<r/>')), true);
  });

  it("answers xml-crypto's parse of the response with our Document, or parses as before", async () => {
    const XcParser = xmlCryptoXmldom()?.index.DOMParser as typeof DOMParser;
    for (const [doc, shared] of [
      [withSignatures('AAAA', 'BBBB'), true],
      [withSignatures('AAAA', 'AAAA'), false],
    ] as const) {
      const xml = doc.toString();
      const stats = parseMemoStats();
      await withEngineRun(xml, doc, async () => {
        const parsed = new XcParser().parseFromString(xml);
        assert.equal(parsed === doc, shared);
        assert.equal(parsed.toString(), xml);
        assert.notEqual(new XcParser({ errorHandler: () => undefined }).parseFromString(xml), doc, 'other options: a real parse');
        const canon = '<ds:SignedInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"></ds:SignedInfo>';
        assert.equal(new XcParser().parseFromString(canon, 'text/xml'), new XcParser().parseFromString(canon, 'text/xml'));
        assert.notEqual(new XcParser().parseFromString(canon), new XcParser().parseFromString(canon), 'only "text/xml" parses are shared');
      });
      const d = delta(stats, parseMemoStats());
      assert.deepEqual([d.responseShared, d.responseParsed, d.signedInfoHits], shared ? [1, 0, 1] : [0, 1, 1]);
    }
    const xml = '<a/>';
    assert.notEqual(new XcParser().parseFromString(xml), new XcParser().parseFromString(xml), 'outside a run nothing is shared');
  });

  it('clones exactly like xmldom: every node, deep and shallow, of every corpus document', async () => {
    const docs = [...ODD_DOCUMENTS, ...(await shapeResponses())].map(parseAny);
    let compared = 0;
    for (const doc of docs) {
      for (const node of allNodes(doc)) {
        for (const deep of [true, false]) {
          const pair = cloneBothWays(node, deep);
          assert.ok(pair, 'installed');
          assert.ok(sameTree(pair[0], pair[1]), `${node.nodeName} (deep ${deep})`);
          assert.equal(pair[0].toString(), pair[1].toString());
          compared++;
        }
      }
    }
    assert.ok(compared > 1000, `${compared} clones compared`);
  });

  it("uses xmldom's own clone outside our samlify run", () => {
    const clones = fastCloneCount();
    const doc = parseXml('<a x="1"><b/>t</a>');
    const copy = doc.documentElement.cloneNode(true);
    assert.equal(copy.toString(), '<a x="1"><b/>t</a>');
    assert.equal(fastCloneCount(), clones);
  });
});
