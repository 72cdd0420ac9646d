/**
 * Positive controls: valid responses in every IdP shape, and the opt-ins, must be ACCEPTED. An attack
 * suite whose checks reject everything proves nothing.
 */
import { ALG } from '../../lib/core/saml/sp/algorithms';
import { createTestIdp, type IssueOptions } from '../../lib/core/saml/sp/testing/test-idp';
import { connect } from '../../lib/core/saml/sp/testing/harness';
import type { IdpShape } from '../../lib/core/saml/sp/testing/shapes';
import type { PositiveControl } from './case';
import { logoutPositives } from './cases-logout';
import type { World } from './world';

function shapeAccepted(shape: IdpShape): PositiveControl {
  return {
    name: `valid ${shape} response accepted`,
    expectNameId: `${shape}-user@example.com`,
    run: async (w: World) => {
      const idp = await createTestIdp(shape);
      const { sp, testSp } = await connect(idp);
      const xml = await idp.issue(testSp, { inResponseTo: '_req_ok', user: { nameId: `${shape}-user@example.com`, attributes: { groups: ['a', 'b'] } } });
      return w.validate({ idp, sp, testSp }, xml, { requestIds: ['_req_ok'] });
    },
  };
}

function variantAccepted(name: string, overrides: Parameters<World['variant']>[1], issue: IssueOptions, opts: { unsolicited?: boolean; nowShiftMs?: number } = {}): PositiveControl {
  return {
    name,
    expectNameId: 'alice@example.com',
    run: async (w: World) => {
      const peer = await w.variant('adfs', overrides);
      const xml = await peer.idp.issue(peer.testSp, { user: { nameId: 'alice@example.com' }, inResponseTo: opts.unsolicited ? undefined : '_req_ok', ...issue });
      return w.validate(peer, xml, { requestIds: ['_req_ok'], now: new Date(Date.now() + (opts.nowShiftMs ?? 0)) });
    },
  };
}

export const positiveControls: PositiveControl[] = [
  ...(['adfs', 'adfs-encrypted', 'okta', 'entra', 'google', 'shibboleth'] as const).map(shapeAccepted),
  variantAccepted('IdP-initiated response accepted when allowIdpInitiated is on', { allowIdpInitiated: true }, {}, { unsolicited: true }),
  variantAccepted('RSA-SHA1 accepted with DANGEROUSLY_ALLOW_SHA1', { DANGEROUSLY_ALLOW_SHA1: true }, { signing: { signatureAlgorithm: ALG.rsaSha1, digestAlgorithm: ALG.sha1 } }),
  variantAccepted('expired 30 s ago accepted within the 60 s skew', {}, {}, { nowShiftMs: 300_000 + 30_000 }),
  variantAccepted('RSA-SHA512 signature accepted', {}, { signing: { signatureAlgorithm: ALG.rsaSha512, digestAlgorithm: ALG.sha512 } }),
  ...logoutPositives,
];
