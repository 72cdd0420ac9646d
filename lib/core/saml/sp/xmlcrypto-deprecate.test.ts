import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import util from 'node:util';
import { SignedXml } from 'xml-crypto';
import { withEngineRun } from './engine-run';
import { ensureSamlifyHooks } from './samlify-hooks';
import { connect } from './testing/harness';
import { createTestIdp } from './testing/test-idp';
import { descendants, NS, parseXml } from './xml';
import { plainDeprecations } from './xmlcrypto-deprecate';

/** xml-crypto's verification of the assertion signature of `xml`, as samlify runs it. */
function verify(xml: string, key: string): SignedXml {
  const doc = parseXml(xml);
  const sig = new SignedXml({ publicCert: key });
  sig.loadSignature(descendants(doc, NS.ds, 'Signature')[0] as Element);
  assert.equal(sig.checkSignature(xml), true);
  return sig;
}

describe("xml-crypto's reference check without util.deprecate's prototype link", () => {
  let xml: string;
  let key: string;

  before(async () => {
    assert.equal(ensureSamlifyHooks().plainDeprecate, true, 'xml-crypto 6.3.2: installed');
    const idp = await createTestIdp('adfs');
    const { testSp } = await connect(idp);
    xml = await idp.issue(testSp, { inResponseTo: '_d', user: { nameId: 'd@example.com', attributes: {} } });
    key = idp.cert.certPem;
  });

  it('leaves xml-crypto alone outside our run: its getValidatedNode is Node’s wrapper', () => {
    const ref = verify(xml, key).getReferences()[0] as { getValidatedNode: () => unknown };
    assert.notEqual(Object.getPrototypeOf(ref.getValidatedNode), Function.prototype, 'util.deprecate sets the prototype');
  });

  it('inside our run: the same verdict and signed references, a wrapper without a prototype link', async () => {
    const outside = verify(xml, key);
    const before = plainDeprecations();
    const inside = await withEngineRun(xml, parseXml(xml), async () => verify(xml, key));
    assert.equal(plainDeprecations() - before, 1, 'one reference, one wrapper');
    assert.deepEqual(inside.getSignedReferences(), outside.getSignedReferences());
    const ref = inside.getReferences()[0] as { getValidatedNode: () => unknown };
    assert.equal(Object.getPrototypeOf(ref.getValidatedNode), Function.prototype);
    assert.equal(util.deprecate.name, 'deprecate', "Node's own deprecate is back after the call");
  });

  it('behaves as Node’s wrapper when called: one DeprecationWarning with its message, then the function', async () => {
    const sig = await withEngineRun(xml, parseXml(xml), async () => verify(xml, key));
    const ref = sig.getReferences()[0] as { getValidatedNode: (x?: string) => Node | null };
    const warnings: Error[] = [];
    const onWarning = (w: Error): void => void warnings.push(w);
    process.on('warning', onWarning);
    try {
      const node = ref.getValidatedNode();
      ref.getValidatedNode();
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal((node as Element | null)?.localName, 'Assertion', 'the validated node, as xml-crypto computes it');
    } finally {
      process.off('warning', onWarning);
    }
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]?.name, 'DeprecationWarning');
    assert.match(warnings[0]?.message ?? '', /getValidatedNode\(\)` is deprecated and insecure/);
  });
});
