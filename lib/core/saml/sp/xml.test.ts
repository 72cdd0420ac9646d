import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allNodes, ODD_DOCUMENTS, parseAny, shapeResponses } from './testing/xml-corpus';
import { child, childElements, children, descendants, NS, parseXml, textOf } from './xml';

const NAMES: Array<[string, string]> = [
  [NS.saml, 'Assertion'],
  [NS.saml, 'EncryptedAssertion'],
  [NS.samlp, 'Response'],
  [NS.ds, 'Signature'],
  [NS.ds, 'Reference'],
  ['urn:oasis:names:tc:SAML:2.0:assertion', 'assertion'],
  ['', 'Signature'],
  ['*', 'Signature'],
  [NS.saml, '*'],
  ['*', '*'],
];

describe('xml.ts DOM helpers', () => {
  it("list what xmldom's getElementsByTagNameNS lists, from every node of every corpus document", async () => {
    const docs = [...ODD_DOCUMENTS, ...(await shapeResponses())].map(parseAny);
    let compared = 0;
    for (const doc of docs) {
      for (const node of allNodes(doc)) {
        if (node.nodeType !== 1 && node.nodeType !== 9) continue;
        const root = node as Element | Document;
        for (const [ns, local] of NAMES) {
          const expected = Array.from(root.getElementsByTagNameNS(ns, local));
          const actual = descendants(root, ns, local);
          assert.equal(actual.length, expected.length);
          actual.forEach((el, i) => assert.ok(el === expected[i]));
          if (node.nodeType === 1) {
            const el = node as Element;
            const filtered = childElements(el).filter((c) => c.namespaceURI === ns && c.localName === local);
            assert.deepEqual(children(el, ns, local), filtered);
            assert.equal(child(el, ns, local), filtered[0]);
          }
          compared++;
        }
      }
    }
    assert.ok(compared > 1000, `${compared} comparisons`);
  });

  it("reads text as xmldom's textContent does, for every element of every corpus document", async () => {
    const docs = [...ODD_DOCUMENTS, ...(await shapeResponses())].map(parseAny);
    docs.push(parseXml('<a><b>x<![CDATA[y]]></b><c><![CDATA[z]]></c><d><!--c--></d><e><f>g</f></e><h/><i>&amp;</i></a>'));
    let compared = 0;
    for (const doc of docs) {
      for (const el of descendants(doc, '*', '*')) {
        assert.equal(textOf(el), el.textContent ?? '', el.nodeName);
        compared++;
      }
    }
    assert.ok(compared > 300, `${compared} elements`);
  });
});
