/**
 * The attack suite's cases and its judge, shared by run.ts (the CLI report) and attacks.test.ts (the same
 * cases as node:test tests, which mutation testing runs).
 */
import { isGatewayError } from '../../lib/core/errors';
import { runCase, type AttackCase, type PositiveControl } from './case';
import { encryptionCases } from './cases-encryption';
import { logoutCases } from './cases-logout';
import { outboundCases } from './cases-outbound';
import { protocolCases } from './cases-protocol';
import { signatureCases } from './cases-signature';
import { xmlCases } from './cases-xml';
import { xswCases } from './cases-xsw';
import type { World } from './world';

export const attacks: AttackCase[] = [...xswCases, ...xmlCases, ...signatureCases, ...protocolCases, ...encryptionCases, ...outboundCases, ...logoutCases];

/** Runs one attack; returns a problem description, or undefined when it was rejected as expected. */
export async function attack(c: AttackCase, w: World): Promise<{ problem?: string; code?: string }> {
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

export async function positive(p: PositiveControl, w: World): Promise<string | undefined> {
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
