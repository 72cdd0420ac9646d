/**
 * Issue 13 §5: the values of a verified LogoutRequest (Issuer, Destination, time, NameID, SessionIndex) and
 * its replay cache, each refusing with its own code; and what single logout sends and advertises.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { MAX_LOGOUT_AGE_MS } from './logout-checks';
import { connectWithLogout, logoutCode, logoutRequestFor, redirect, redirectLogoutQuery, signedQuery, type LogoutFields } from './testing/logout';
import { MemoryReplayStore } from './testing/memory-stores';
import { createTestIdp, type TestIdp } from './testing/test-idp';
import type { SamlSp } from './types';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const at = (deltaMs: number): string => new Date(NOW.getTime() + deltaMs).toISOString();

describe('issue 13 §5: LogoutRequest values', () => {
  let idp: TestIdp;
  let sp: SamlSp;
  before(async () => {
    idp = await createTestIdp('shibboleth');
    ({ sp } = await connectWithLogout(idp));
  });
  const code = (f: LogoutFields, replay = new MemoryReplayStore()) => logoutCode(sp, redirect(redirectLogoutQuery(idp, { now: NOW, ...f })), replay, NOW);
  const carrying = (xml: string) => logoutCode(sp, redirect(signedQuery(xml, idp.cert.privateKeyPem)), new MemoryReplayStore(), NOW);

  it('Issuer: required, the IdP entity id, entity format if any', async () => {
    assert.equal(await code({ issuer: null }), 'SAML_ISSUER_MISMATCH');
    assert.equal(await code({ issuer: 'https://evil.test/metadata' }), 'SAML_ISSUER_MISMATCH');
    const xml = logoutRequestFor(idp, { now: NOW });
    assert.equal(await carrying(xml.replace('nameid-format:entity', 'nameid-format:persistent')), 'SAML_ISSUER_MISMATCH');
    assert.equal(await carrying(xml.replace(' Format="urn:oasis:names:tc:SAML:2.0:nameid-format:entity"', '')), 'accepted');
  });

  it('Destination: required, our SLO URL', async () => {
    assert.equal(await code({ destination: null }), 'SAML_DESTINATION_MISMATCH');
    assert.equal(await code({ destination: 'https://rolegate.test/saml/other/slo' }), 'SAML_DESTINATION_MISMATCH');
  });

  it('IssueInstant within skew of now and at most five minutes old; NotOnOrAfter not passed', async () => {
    assert.equal(await code({ issueInstant: at(61_000) }), 'SAML_NOT_YET_VALID');
    assert.equal(await code({ issueInstant: at(60_000) }), 'accepted');
    assert.equal(await code({ issueInstant: at(-MAX_LOGOUT_AGE_MS - 60_000) }), 'SAML_EXPIRED');
    assert.equal(await code({ issueInstant: at(-MAX_LOGOUT_AGE_MS - 59_999) }), 'accepted');
    assert.equal(await code({ notOnOrAfter: at(-60_000) }), 'SAML_EXPIRED');
    assert.equal(await code({ notOnOrAfter: at(-59_999) }), 'accepted');
    assert.equal(await code({ notOnOrAfter: null }), 'accepted');
  });

  it('remembers the ID until the end of the acceptance window, and refuses a replay', async () => {
    const replay = new MemoryReplayStore();
    assert.equal(await code({ id: '_lr1', notOnOrAfter: at(10_000) }, replay), 'accepted');
    assert.equal(replay.recorded.get('_lr1'), NOW.getTime() + 70_000);
    assert.equal(await code({ id: '_lr1' }, replay), 'SAML_REPLAY');
    assert.equal(await code({ id: '_lr2', notOnOrAfter: null }, replay), 'accepted');
    assert.equal(replay.recorded.get('_lr2'), NOW.getTime() + MAX_LOGOUT_AGE_MS + 60_000);
    // A refused request spends nothing.
    assert.equal(await code({ id: '_lr3', destination: null }, replay), 'SAML_DESTINATION_MISMATCH');
    assert.equal(replay.recorded.has('_lr3'), false);
    // A store that loses the race: remember() says the ID was taken meanwhile.
    const racing = new MemoryReplayStore();
    racing.remember = async () => false;
    assert.equal(await code({ id: '_lr4' }, racing), 'SAML_REPLAY');
  });

  it('NameID: text only, not padded; SessionIndexes non-empty without control characters', async () => {
    assert.equal(await code({ nameId: ' admin' }), 'SAML_NAMEID_INVALID');
    assert.equal(await carrying(logoutRequestFor(idp, { now: NOW, nameId: 'admin' }).replace('admin<', 'admin<!---->.evil<')), 'SAML_NAMEID_INVALID');
    assert.equal(await code({ sessionIndexes: [''] }), 'SAML_SCHEMA_INVALID');
    assert.equal(await code({ sessionIndexes: ['a\u0001'] }), 'SAML_SCHEMA_INVALID');
    assert.equal(await code({ sessionIndexes: ['s'.repeat(257)] }), 'SAML_SCHEMA_INVALID');
    assert.equal(await code({ sessionIndexes: ['s'.repeat(256)] }), 'accepted');
    assert.equal(await code({ sessionIndexes: [] }), 'accepted');
  });
});
