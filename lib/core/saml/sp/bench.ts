/**
 * Throughput of validateResponse with every check on (schema, signature, audience, recipient, destination,
 * time windows, InResponseTo, replay), on one core, for an ADFS-shaped ~3.8 KB signed response; and, for
 * comparison, samlify's parseLoginResponse alone on the same responses (the engine's share).
 *   node --import tsx lib/core/saml/sp/bench.ts [responses] [rounds]
 * Last line: "validated responses/s/core: N" (median of the rounds).
 */
import * as samlify from 'samlify';
import { withHandoff } from './samlify-hooks';
import { connect, b64, MemoryReplayStore, MemoryRequestStore } from './testing/harness';
import { createTestIdp, type TestIdp, type TestSp } from './testing/test-idp';

const GROUPS = { 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups': ['aws-admins', 'aws-readonly'] };

async function issueAll(idp: TestIdp, sp: TestSp, count: number): Promise<Array<{ id: string; xml: string }>> {
  const out: Array<{ id: string; xml: string }> = [];
  for (let i = 0; i < count; i++) {
    const id = `_bench${i}`;
    out.push({ id, xml: await idp.issue(sp, { inResponseTo: id, user: { nameId: `user${i}@example.com`, attributes: GROUPS } }) });
  }
  return out;
}

/** Runs `fn` over all responses `rounds` times after a warm-up round; returns the median rate. */
async function measure(label: string, n: number, rounds: number, once: () => Promise<void>): Promise<number> {
  const rates: number[] = [];
  for (let r = 0; r <= rounds; r++) {
    const t0 = process.hrtime.bigint();
    await once();
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (r > 0) rates.push(n / seconds);
  }
  rates.sort((a, b) => a - b);
  const median = rates[Math.floor(rates.length / 2)] ?? 0;
  console.log(`${label}: ${rates.map((x) => x.toFixed(0)).join(' / ')} per s → median ${median.toFixed(0)} (${(1000 / median).toFixed(2)} ms each)`);
  return median;
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 300);
  const rounds = Number(process.argv[3] ?? 5);
  const idp = await createTestIdp('adfs');
  const { sp, testSp } = await connect(idp);
  const issued = await issueAll(idp, testSp, count);
  const bodies = issued.map((r) => ({ id: r.id, body: b64(r.xml), xml: r.xml }));
  console.log(`response: ${Buffer.byteLength(issued[0]?.xml ?? '')} bytes (ADFS shape, signed assertion), ${count} distinct`);

  const engineSp = samlify.ServiceProvider({ entityID: testSp.spEntityId, assertionConsumerService: [{ Binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST', Location: testSp.acsUrl }], clockDrifts: [-60_000, 60_000] });
  const engineIdp = samlify.IdentityProvider({ metadata: idp.metadataXml });
  await measure('samlify parseLoginResponse alone (key cache on)', count, rounds, async () => {
    for (const r of bodies) await withHandoff(r.xml, () => engineSp.parseLoginResponse(engineIdp, 'post', { body: { SAMLResponse: r.body } }));
  });
  const full = await measure('validateResponse, every check on', count, rounds, async () => {
    const requests = new MemoryRequestStore();
    for (const r of bodies) requests.add(r.id);
    const ctx = { now: new Date(), requests, replay: new MemoryReplayStore() };
    for (const r of bodies) await sp.validateResponse(r.body, ctx);
  });
  console.log(`validated responses/s/core: ${Math.round(full)}`);
}

void main();
