/**
 * The attack suite as node:test tests, one per case, so mutation testing (stryker.config.mjs) can count
 * each attack as a test that kills a mutant. `npm run test:attacks` (run.ts) stays the CLI report.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { positiveControls } from './positive';
import { attack, attacks, positive } from './suite';
import { createWorld, type World } from './world';

describe('SAML attack suite', () => {
  let w: World;
  before(async () => {
    w = await createWorld();
  });
  for (const c of attacks) {
    it(`rejects with ${c.expect}: ${c.name}`, async () => {
      const r = await attack(c, w);
      assert.equal(r.problem, undefined, `${c.name}: ${r.problem} (got ${r.code ?? 'no code'})`);
    });
  }
  for (const p of positiveControls) {
    it(`accepts: ${p.name}`, async () => {
      assert.equal(await positive(p, w), undefined);
    });
  }
});
