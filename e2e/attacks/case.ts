/**
 * One attack: a signed response from a test IdP, then the attacker's edit, and the exact error code the
 * gateway must answer with. `run` replaces the default flow for cases that need more than one call.
 */
import type { GatewayErrorCode } from '../../lib/core/errors';
import type { IssueOptions } from '../../lib/core/saml/sp/testing/test-idp';
import type { IdpName, World } from './world';

export interface AttackCase {
  name: string;
  expect: GatewayErrorCode;
  /** The IdP whose signed response is the starting point (default ADFS). */
  idp?: IdpName;
  issue?: IssueOptions;
  /** The attacker's edit of the signed XML. */
  mutate?: (xml: string) => string;
  /** Replaces issue → mutate → validate; must end in the rejection under test. */
  run?: (w: World) => Promise<unknown>;
}

export interface PositiveControl {
  name: string;
  run: (w: World) => Promise<{ nameId: string }>;
  expectNameId: string;
}

/** The default flow: issue for a pending request, apply the edit, validate. */
export async function runCase(c: AttackCase, w: World): Promise<unknown> {
  if (c.run) return c.run(w);
  const name = c.idp ?? 'adfs';
  const { xml, requestId } = await w.issue(name, c.issue);
  return w.validate(w.peers[name], c.mutate ? c.mutate(xml) : xml, { requestIds: [requestId] });
}
