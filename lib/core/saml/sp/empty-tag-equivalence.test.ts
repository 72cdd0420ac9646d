import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DOMParser } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { sameTreeModuloEmptyTags, tokenize } from './empty-tag-equivalence';
import { shapeResponses } from './testing/xml-corpus';
import { sameTree } from './xmldom-clone';

/** samlify 2.13.1's parser: its XXE-safe options (errors throw), no locator. */
const samlifyParse = (xml: string): Document => {
  const fail = (msg: string): never => {
    throw new Error(msg);
  };
  return new DOMParser({ errorHandler: { error: fail, fatalError: fail } }).parseFromString(xml, 'text/xml');
};

/** xml-crypto's exclusive canonical form of `el` (what samlify parses as the verified assertion). */
const canonical = (el: Element): string => new SignedXml().getCanonXml(['http://www.w3.org/2001/10/xml-exc-c14n#'], el);

/** Asserts the promise of the module: whenever it answers true, xmldom builds the same tree. */
function checkSound(a: string, b: string): boolean {
  const same = sameTreeModuloEmptyTags(a, b);
  if (same) assert.ok(sameTree(samlifyParse(a), samlifyParse(b)), `claimed equal but differ:\n${a}\n${b}`);
  return same;
}

describe('empty-tag equivalence (samlify re-parsing its own serialization of the canonical assertion)', () => {
  it('matches an empty element with its start and end tag, at any depth', () => {
    assert.equal(checkSound('<a x="1"><b/><c y="2"/>t</a>', '<a x="1"><b></b><c y="2"></c>t</a>'), true);
    assert.equal(checkSound('<a/>', '<a></a>'), true);
    assert.equal(checkSound('<p:a xmlns:p="urn:p"><p:b/></p:a>', '<p:a xmlns:p="urn:p"><p:b></p:b></p:a>'), true);
    assert.equal(checkSound('<a>&lt;x/&gt;<b/></a>', '<a>&lt;x/&gt;<b></b></a>'), true);
    assert.equal(checkSound('<a x="1/>"/>', '<a x="1/>"></a>'), true, 'a quoted value is read by its quotes, as xmldom does');
  });

  it('refuses everything else, and anything outside its narrow grammar', () => {
    const refused: Array<[string, string]> = [
      ['<a><b/></a>', '<a><b></b> </a>'],
      ['<a><b/></a>', '<a><b> </b></a>'],
      ['<a><b/></a>', '<a><c></c></a>'],
      ['<a><b /></a>', '<a><b></b></a>'],
      ['<a x="1"/>', '<a x="2"></a>'],
      ['<a x=\'1\'/>', '<a x=\'1\'></a>'],
      ['<a><!--c--><b/></a>', '<a><!--c--><b></b></a>'],
      ['<a><?pi x?><b/></a>', '<a><?pi x?><b></b></a>'],
      ['<a><![CDATA[x]]><b/></a>', '<a><![CDATA[x]]><b></b></a>'],
      ['<script><b/></script>', '<script><b></b></script>'],
      ['<a><textarea/></a>', '<a><textarea></textarea></a>'],
      ['<a/><b/>', '<a></a><b></b>'],
      [' <a/>', ' <a></a>'],
      ['<a\u0080/>', '<a\u0080></a\u0080>'],
      ['<a\u2028/>', '<a\u2028></a\u2028>'],
      ['<a x="1"y="2"/>', '<a x="1"y="2"></a>'],
      ['<a x = "1"/>', '<a x = "1"></a>'],
    ];
    for (const [a, b] of refused) assert.equal(checkSound(a, b), false, `${a} vs ${b}`);
  });

  it("is sound where xmldom looks ahead for a missing end tag (fixSelfClosed)", () => {
    // xmldom reads <y> with no later </y> as empty; the expanded form adds one. Unbalanced: refused.
    assert.equal(checkSound('<r><y>t<y/></r>', '<r><y>t<y></y></r>'), false);
    assert.equal(tokenize('<r><y>t<y></y></r>'), undefined);
    assert.equal(tokenize('<r></y></r>'), undefined);
  });

  it('holds on the canonical assertion of every IdP shape and its xmldom serialization', async () => {
    let matched = 0;
    for (const xml of await shapeResponses()) {
      const doc = samlifyParse(xml);
      for (const el of [doc.documentElement, ...Array.from(doc.getElementsByTagNameNS('*', 'Assertion'))]) {
        const canon = canonical(el);
        const reserialized = samlifyParse(canon).documentElement.toString();
        if (checkSound(reserialized, canon)) matched++;
      }
    }
    assert.ok(matched >= 6, `${matched} canonical assertions matched their serialization`);
  });

  it('holds on random documents: canonical form against its serialization (seeded, 300 trees)', () => {
    let seed = 7;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pick = <T>(xs: T[]): T => xs[rnd(xs.length)] as T;
    const chars = ['a', ' ', '<', '>', '&', '"', "'", '\t', '\n', '\r', '/', '=', '\u0080', 'é'];
    const text = (): string => Array.from({ length: rnd(4) }, () => pick(chars)).join('');
    const esc = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/\r/g, '&#13;');
    const tree = (depth: number): string => {
      const name = pick(['a', 'b', 'p:c', 'q:d']);
      const attrs = Array.from({ length: rnd(3) }, (_, i) => ` ${pick(['x', 'y', 'p:z'])}${i}="${esc(text())}"`).join('');
      const kids = depth > 3 ? '' : Array.from({ length: rnd(4) }, () => (rnd(3) === 0 ? esc(text()) : tree(depth + 1))).join('');
      return kids === '' && rnd(2) === 0 ? `<${name}${attrs}/>` : `<${name}${attrs}>${kids}</${name}>`;
    };
    let claimed = 0;
    for (let i = 0; i < 300; i++) {
      const doc = samlifyParse(`<root xmlns="urn:d" xmlns:p="urn:p" xmlns:q="urn:q">${tree(0)}</root>`);
      const canon = canonical(doc.documentElement);
      if (checkSound(samlifyParse(canon).documentElement.toString(), canon)) claimed++;
    }
    assert.ok(claimed > 100, `${claimed} of 300 claimed equal`);
  });

  it('never claims equality for a mutated string that xmldom reads differently', () => {
    const base = '<a xmlns="urn:a" k="v&amp;w"><b/><c d="e">text &lt; more</c><f><g/></f></a>';
    const expanded = '<a xmlns="urn:a" k="v&amp;w"><b></b><c d="e">text &lt; more</c><f><g></g></f></a>';
    assert.equal(checkSound(base, expanded), true);
    const inserts = ['<', '>', '/', '"', ' ', '=', 'x', '&', '</b>', '<b>', '/>', '<!--', '\u0080'];
    let tried = 0;
    for (let i = 0; i <= base.length; i++) {
      for (const s of inserts) {
        const mutated = base.slice(0, i) + s + base.slice(i);
        let parsed = true;
        try {
          samlifyParse(mutated);
          samlifyParse(expanded);
        } catch {
          parsed = false;
        }
        if (parsed) checkSound(mutated, expanded);
        tried++;
      }
    }
    assert.ok(tried > 500);
  });
});
