/**
 * The attack suite's world: test IdPs in the shapes of ADFS (signs the Assertion), Okta (signs Response
 * and Assertion) and Shibboleth (signed, encrypted assertion), a Rolegate SP connection for each, fresh
 * request / replay stores, and an audit sink that records one event per rejection.
 */
import { createTestIdp, type IssueOptions, type TestIdp, type TestSp } from '../../lib/core/saml/sp/testing/test-idp';
import { connect, MemoryReplayStore, MemoryRequestStore } from '../../lib/core/saml/sp/testing/harness';
import type { SamlSp, SamlSpConnection, ValidatedAssertion } from '../../lib/core/saml/sp';
import type { GatewayErrorCode } from '../../lib/core/errors';
import { b64 } from './dom';

export interface AuditRecord {
  type: 'signin' | 'signout' | 'issuance';
  outcome: 'failed';
  code: GatewayErrorCode;
}

export type IdpName = 'adfs' | 'okta' | 'shibboleth' | 'google';

export interface Peer {
  idp: TestIdp;
  sp: SamlSp;
  testSp: TestSp;
}

export interface World {
  peers: Record<IdpName, Peer>;
  audit: AuditRecord[];
  /** A connection to `name`'s IdP with different settings. */
  variant(name: IdpName, overrides: Partial<SamlSpConnection>): Promise<Peer>;
  /** A signed response from `name` answering a fresh pending request (unless opts.inResponseTo is set). */
  issue(name: IdpName, opts?: IssueOptions): Promise<{ xml: string; requestId: string }>;
  /** Validates `xml` against `peer` with fresh stores (pending: `requestIds`), recording rejections. */
  validate(peer: Peer, xml: string, opts?: { requestIds?: string[]; now?: Date; replay?: MemoryReplayStore }): Promise<ValidatedAssertion>;
}

const GROUPS = { groups: ['engineering', 'aws-readonly'] };
let counter = 0;

export async function createWorld(): Promise<World> {
  const peers = {} as Record<IdpName, Peer>;
  for (const name of ['adfs', 'okta', 'shibboleth', 'google'] as const) {
    const idp = await createTestIdp(name);
    peers[name] = { idp, ...(await connect(idp)) };
  }
  const audit: AuditRecord[] = [];
  const world: World = {
    peers,
    audit,
    async variant(name, overrides) {
      const { idp } = peers[name];
      return { idp, ...(await connect(idp, overrides)) };
    },
    async issue(name, opts = {}) {
      const requestId = opts.inResponseTo ?? `_req${++counter}`;
      const peer = peers[name];
      const xml = await peer.idp.issue(peer.testSp, { user: { nameId: 'mallory@example.com', attributes: GROUPS }, ...opts, inResponseTo: requestId });
      return { xml, requestId };
    },
    validate(peer, xml, opts = {}) {
      const requests = new MemoryRequestStore();
      for (const id of opts.requestIds ?? []) requests.add(id);
      return peer.sp.validateResponse(b64(xml), {
        now: opts.now ?? new Date(),
        requests,
        replay: opts.replay ?? new MemoryReplayStore(),
        onRejected: (r) => {
          audit.push({ type: 'signin', outcome: 'failed', code: r.code });
        },
      });
    },
  };
  return world;
}
