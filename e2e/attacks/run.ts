/**
 * `npm run test:attacks`: every attack must be rejected with its own expected GatewayError code and leave
 * exactly one audit record `{ type, outcome: 'failed', code }`; every positive control must be accepted
 * and leave none. Prints one line per case and, alone on its last line, `SAML attacks: N rejected of M`.
 * Exits non-zero unless N = M and all positive controls pass. The cases and their judge live in suite.ts
 * (attacks.test.ts runs the same suite under node:test for mutation testing).
 */
import { attack, attacks, positive } from './suite';
import { positiveControls } from './positive';
import { createWorld } from './world';

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
