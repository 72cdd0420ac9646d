/**
 * `npm run test:attacks`: every attack must be rejected with its own expected GatewayError code and leave
 * exactly one audit record `{ type, outcome: 'failed', code }`; every positive control must be accepted
 * and leave none. Prints one line per case and, alone on its last line, `SAML attacks: N rejected of M`.
 * Exits non-zero unless N = M and all positive controls pass.
 */
import { isGatewayError } from '../../lib/core/errors';
import { runCase, type AttackCase, type PositiveControl } from './case';
import { encryptionCases } from './cases-encryption';
import { outboundCases } from './cases-outbound';
import { protocolCases } from './cases-protocol';
import { signatureCases } from './cases-signature';
import { xmlCases } from './cases-xml';
import { xswCases } from './cases-xsw';
import { positiveControls } from './positive';
import { createWorld, type World } from './world';

const attacks: AttackCase[] = [...xswCases, ...xmlCases, ...signatureCases, ...protocolCases, ...encryptionCases, ...outboundCases];

/** Runs one attack; returns a problem description, or undefined when it was rejected as expected. */
async function attack(c: AttackCase, w: World): Promise<{ problem?: string; code?: string }> {
  const before = w.audit.length;
  let code: string | undefined;
  try {
    await runCase(c, w);
    return { problem: 'ACCEPTED' };
  } catch (e) {
    if (!isGatewayError(e)) return { problem: `threw a non-GatewayError: ${e instanceof Error ? e.message : String(e)}` };
    code = e.code;
  }
  const records = w.audit.slice(before);
  if (code !== c.expect) return { code, problem: `expected ${c.expect}` };
  if (records.length !== 1 || records[0]?.code !== code || records[0]?.outcome !== 'failed') {
    return { code, problem: `expected one audit record with ${code}, got ${JSON.stringify(records)}` };
  }
  return { code };
}

async function positive(p: PositiveControl, w: World): Promise<string | undefined> {
  const before = w.audit.length;
  try {
    const result = await p.run(w);
    if (result.nameId !== p.expectNameId) return `nameId ${result.nameId}`;
    if (w.audit.length !== before) return 'left an audit record';
    return undefined;
  } catch (e) {
    return `REJECTED ${isGatewayError(e) ? e.code : ''} ${e instanceof Error ? e.message : String(e)}`;
  }
}

async function main(): Promise<number> {
  const w = await createWorld();
  let rejected = 0;
  for (const c of attacks) {
    const r = await attack(c, w);
    if (!r.problem) rejected++;
    console.log(`${r.problem ? 'FAIL' : 'ok  '} ${(r.code ?? '-').padEnd(36)} ${c.name}${r.problem ? `  <-- ${r.problem}` : ''}`);
  }
  let positivesOk = 0;
  for (const p of positiveControls) {
    const problem = await positive(p, w);
    if (!problem) positivesOk++;
    console.log(`${problem ? 'FAIL' : 'ok  '} ${'accepted'.padEnd(36)} ${p.name}${problem ? `  <-- ${problem}` : ''}`);
  }
  console.log(`positive controls: ${positivesOk} accepted of ${positiveControls.length}`);
  console.log(`SAML attacks: ${rejected} rejected of ${attacks.length}`);
  return rejected === attacks.length && positivesOk === positiveControls.length ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    console.log(`SAML attacks: 0 rejected of ${attacks.length}`);
    process.exit(1);
  },
);
