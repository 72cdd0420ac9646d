/**
 * Throughput of validateResponse with every check on (schema, signature, audience, recipient, destination,
 * time windows, InResponseTo, replay) for an ADFS-shaped ~3.9 KB signed response, per CPU-second of this
 * process (= per core; wall-clock rates are printed too, the machine is shared). Two baselines run
 * interleaved with it: samlify's parseLoginResponse alone, with and without our imported-key cache.
 *   node --import tsx lib/core/saml/sp/bench.ts [responses] [rounds]
 * Last line: "validated responses/s/core: N" (median over rounds, CPU time).
 */
import * as samlify from 'samlify';
import { withHandoff } from './samlify-hooks';
import { connect, b64, MemoryReplayStore, MemoryRequestStore } from './testing/harness';
import { createTestIdp, type TestIdp, type TestSp } from './testing/test-idp';

const GROUPS = { 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups': ['aws-admins', 'aws-readonly'] };
const POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';

type Issued = Array<{ id: string; xml: string; body: string }>;

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
        for (const r of issued) await sp.validateResponse(r.body, ctx);
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
  for (const s of series) {
    const c = median(s.cpu);
    console.log(`${s.label}: ${c.toFixed(0)}/s per CPU-second (${(1000 / c).toFixed(2)} ms CPU each), wall ${median(s.wall).toFixed(0)}/s`);
  }
  console.log(`validated responses/s/core: ${Math.round(median(series[2]?.cpu ?? []))}`);
}

void main();
