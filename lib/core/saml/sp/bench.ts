/**
 * Throughput of validateResponse with every check on (schema, signature, audience, recipient, destination,
 * time windows, InResponseTo, replay) for an ADFS-shaped ~3.9 KB signed response, per CPU-second of this
 * process (= per core; wall-clock rates are printed too, the machine is shared). Two baselines run
 * interleaved with it: samlify's parseLoginResponse alone, with and without our imported-key cache (both
 * get the compiled XPath, which is process-wide; every other engine hook applies to our runs only).
 *   node --import tsx lib/core/saml/sp/bench.ts [responses] [rounds]
 * Last line: "validated responses/s/core: N" (median over rounds, CPU time).
 *
 * History: ce530fd ~11 ms CPU a response (XPath 47 %); 3f5b60b ~1.75 ms (570/s): compiled XPath, parse
 * memo, fast clone (see git log for that round's profile).
 *
 * PROFILE (main thread, self time, 3 000 validations; the bench's CPU figure also counts the GC helper threads)
 *   3f5b60b: @xmldom/xmldom 39 % (parsing 29 % inclusive), GC 10 %, RSA/hash/buffers 6 %, samlify 7 %,
 *     xml-crypto 7 %, compiled XPath 6 %, clone 4 %, schema 3 %. Inclusive: verifySignature 40 %,
 *     samlify's extract 18 %, serialization 6 %. ~50 KB of every validation survived into the old
 *     generation (promoted), so major GCs with concurrent marking ran on the helper threads all along.
 *   now: @xmldom/xmldom 39 % (parsing 31 % inclusive: our parse of the response, samlify's of the canonical
 *     assertion, xml-crypto's of its canonical SignedInfo), GC 4 %, xml-crypto 8 %, samlify 6 %, clone 6 %,
 *     XPath 4 %, schema 4 %. Inclusive: verifySignature 52 %, samlify's extract 7 %. ~20 KB promoted.
 *
 * What changed in this round (each checked to leave every decision unchanged, each pinned by a test):
 *   - samlify-extract.ts + samlify-attribute-group.ts: samlify's extraction cut to the three fields its
 *     flow decides on, the attribute groups read without the serialize-and-parse round trip (no Response or
 *     Attribute re-parse: the saving grows with the number of claims).
 *   - empty-tag-equivalence.ts (samlify-parse-memo.ts): samlify's re-parse of its own serialization of the
 *     canonical assertion answered with the canonical assertion's tree (sound by construction).
 *   - xmlcrypto-deprecate.ts: util.deprecate's prototype link kept every verified Document alive until a
 *     full GC; now the Document dies young (promotion per validation ~45 KB -> ~20 KB).
 *   - samlify-base64.ts: samlify's decode of our own body answered with our string.
 *   - XPath (split into xpath-axes/-compile/-expressions/-memo): `//x[p]` walked once, one-step predicates
 *     with an early exit, no re-sort of results in document order by construction.
 *   - Our checks: one walk for the structure checks, schema keys without string building, ASCII NCName
 *     fast path, textContent of a lone text child read directly, a synchronous plaintext `prepare`.
 *
 * Quiet machine, 2026-11-22 (no other build running): 1293 (200 x 5), 1364 and 1362 (300 x 7) validated
 * responses/s/core, median of rounds; samlify's parseLoginResponse alone 600/s with the key cache.
 * Measured (200 responses, 5 rounds, median; HEAD and this tree alternately, 2-core VM, load 0–1.4):
 *   HEAD 757 / 738 / 640 / 626 / 678, now 1057 / 947 / 814 / 770 / 952 validated responses/s/core
 *   (pairwise 1.23–1.40x). Instructions per validation (valgrind, --single-threaded, fixed keys): HEAD
 *   9.9 M, now 7.8 M (-21 %). What remains is samlify's and xml-crypto's design: one parse each of the
 *   response, the canonical assertion and the canonical SignedInfo (~30 % of the time, half of it xmldom's
 *   own per-tag-name `lastIndexOf` and megamorphic property access), xml-crypto's three deep clones and
 *   canonicalizations, the serializations samlify and xml-crypto make (`doc.toString()` of the whole
 *   response, the Signature, the assertion), and the RSA verify (~35 µs).
 */
import * as samlify from 'samlify';
import { parseMemoStats, type ParseMemoStats } from './engine-run';
import { trimmedExtractions } from './samlify-extract';
import { ensureSamlifyHooks, withHandoff } from './samlify-hooks';
import { fastCloneCount } from './xmldom-clone';
import { xpathStats, type XPathStats } from './xpath-fast';
import { plainDeprecations } from './xmlcrypto-deprecate';
import { connect, b64, MemoryReplayStore, MemoryRequestStore } from './testing/harness';
import { createTestIdp, type TestIdp, type TestSp } from './testing/test-idp';

const GROUPS = { 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups': ['aws-admins', 'aws-readonly'] };
const POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';

type Issued = Array<{ id: string; xml: string; body: string }>;
let hooks = '';

async function issueAll(idp: TestIdp, sp: TestSp, count: number): Promise<Issued> {
  const out: Issued = [];
  for (let i = 0; i < count; i++) {
    const id = `_bench${i}`;
    const xml = await idp.issue(sp, { inResponseTo: id, user: { nameId: `user${i}@example.com`, attributes: GROUPS } });
    out.push({ id, xml, body: b64(xml) });
  }
  return out;
}

/** samlify's engine alone on `issued` (our schema handoff stands in for a no-op validator). */
function engineOnly(idp: TestIdp, sp: TestSp, issued: Issued): () => Promise<void> {
  const engineSp = samlify.ServiceProvider({ entityID: sp.spEntityId, assertionConsumerService: [{ Binding: POST, Location: sp.acsUrl }], clockDrifts: [-60_000, 60_000] });
  const engineIdp = samlify.IdentityProvider({ metadata: idp.metadataXml });
  return async () => {
    for (const r of issued) await withHandoff(r.xml, () => engineSp.parseLoginResponse(engineIdp, 'post', { body: { SAMLResponse: r.body } }));
  };
}

/** What the hooks did per validated response, since `before`. */
function perResponse(before: { x: XPathStats; p: ParseMemoStats; c: number; t: number; d: number }, count: number): string {
  const x = xpathStats();
  const p = parseMemoStats();
  const per = (n: number): string => (n / count).toFixed(1);
  return (
    `xpath ${per(x.fast - before.x.fast)} compiled / ${per(x.library - before.x.library)} library, ` +
    `memo ${per(p.samlifyHits - before.p.samlifyHits)} samlify + ${per(p.samlifyTwins - before.p.samlifyTwins)} twin + ` +
    `${per(p.responseShared - before.p.responseShared + p.signedInfoHits - before.p.signedInfoHits)} xml-crypto parses saved, ` +
    `${per(p.bodyShared - before.p.bodyShared)} body decodes saved, ${per(trimmedExtractions() - before.t)} extractions cut, ` +
    `${per(plainDeprecations() - before.d)} plain deprecations, ${per(fastCloneCount() - before.c)} fast clones`
  );
}

interface Series {
  label: string;
  run: () => Promise<void>;
  cpu: number[];
  wall: number[];
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 200);
  const rounds = Number(process.argv[3] ?? 5);
  const idp = await createTestIdp('adfs');
  const { sp, testSp } = await connect(idp);
  const uncached = await createTestIdp('adfs'); // never passed to createSamlSp: its key is not in the cache
  const issued = await issueAll(idp, testSp, count);
  const issuedUncached = await issueAll(uncached, testSp, count);
  console.log(`response: ${Buffer.byteLength(issued[0]?.xml ?? '')} bytes (ADFS shape, signed assertion), ${count} distinct, ${rounds} rounds`);
  const series: Series[] = [
    { label: 'samlify parseLoginResponse alone, no key cache', run: engineOnly(uncached, testSp, issuedUncached), cpu: [], wall: [] },
    { label: 'samlify parseLoginResponse alone, key cache', run: engineOnly(idp, testSp, issued), cpu: [], wall: [] },
    {
      label: 'validateResponse, every check on',
      run: async () => {
        const requests = new MemoryRequestStore();
        for (const r of issued) requests.add(r.id);
        const ctx = { now: new Date(), requests, replay: new MemoryReplayStore() };
        const before = { x: xpathStats(), p: parseMemoStats(), c: fastCloneCount(), t: trimmedExtractions(), d: plainDeprecations() };
        for (const r of issued) await sp.validateResponse(r.body, ctx);
        hooks = perResponse(before, count);
      },
      cpu: [],
      wall: [],
    },
  ];
  for (let round = 0; round <= rounds; round++) {
    for (const s of series) {
      const cpu0 = process.cpuUsage();
      const wall0 = process.hrtime.bigint();
      await s.run();
      const cpu = process.cpuUsage(cpu0);
      if (round === 0) continue; // warm-up
      s.cpu.push(count / ((cpu.user + cpu.system) / 1e6));
      s.wall.push(count / (Number(process.hrtime.bigint() - wall0) / 1e9));
    }
  }
  const status = ensureSamlifyHooks();
  const on = (b: boolean): string => (b ? 'on' : 'OFF');
  console.log(
    `hooks: xpath ${status.xpath.map((i) => `${i.owner} ${i.version ?? '?'} ${on(i.installed)}`).join(', ')}; parse memo samlify ` +
      `${on(status.parseMemo.samlify)}, xml-crypto ${on(status.parseMemo.xmlCrypto)}; fast clone ${on(status.fastClone)}; extract cut ` +
      `${on(status.extractTrim)}; plain deprecate ${on(status.plainDeprecate)}; body share ${on(status.bodyShare)}`,
  );
  console.log(`per validated response: ${hooks}`);
  for (const s of series) {
    const c = median(s.cpu);
    console.log(`${s.label}: ${c.toFixed(0)}/s per CPU-second (${(1000 / c).toFixed(2)} ms CPU each), wall ${median(s.wall).toFixed(0)}/s`);
  }
  console.log(`validated responses/s/core: ${Math.round(median(series[2]?.cpu ?? []))}`);
}

void main();
