/**
 * Rules of session-name.ts that only mutation testing showed unguarded (issue 12 §8): the exact form's
 * limits, the IdP id / email / UUID shapes each form accepts, and the hashed form's exact value (a
 * revocation denies on the value, so a value must not change between releases).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';

import { awsIdentityFor, emailTagValueFor, verifiedEmailOf, type AwsIdentitySource } from './session-name';

const UID = '3f2b8c1e-9a4d-4e6f-8b7a-0c1d2e3f4a5b';
const who = (over: Partial<AwsIdentitySource>): AwsIdentitySource => ({ idpId: 'okta', email: 'alice@example.com', emailVerified: true, userId: UID, ...over });
/** The documented hash: the first 24 hex digits of SHA-256 over JSON `[kind, idp, value]`. */
const hash = (kind: string, idp: string, value: string) => createHash('sha256').update(JSON.stringify([kind, idp, value])).digest('hex').slice(0, 24);
const isExact = (v: string) => /^[a-z0-9-]+=/.test(v);

describe('the hashed form is a fixed function of (kind, IdP, value)', () => {
  it('a verified email that cannot be exact: <idp>+<readable>+sha256(["email", idp, email])', () => {
    assert.equal(awsIdentityFor(who({ email: '山田@example.jp' })), `okta+-@example.jp+${hash('email', 'okta', '山田@example.jp')}`);
  });

  it('a user id that is not a UUID: <idp>+<readable>+sha256(["user", idp, id])', () => {
    assert.equal(awsIdentityFor(who({ email: undefined, userId: 'google|1234' })), `okta+google-1234+${hash('user', 'okta', 'google|1234')}`);
  });

  it('an IdP id outside [a-z0-9-] reads as "idp" but is hashed as given', () => {
    assert.equal(awsIdentityFor(who({ idpId: 'Okta' })), `idp+alice@example.com+${hash('email', 'Okta', 'alice@example.com')}`);
    assert.equal(awsIdentityFor(who({ idpId: 'Okta', email: undefined })), `idp+${UID.slice(0, 35)}+${hash('user', 'Okta', UID)}`);
  });

  it('every run of unreadable characters becomes one "-", all runs are replaced', () => {
    const v = awsIdentityFor(who({ email: 'a山田b,,c@例え.jp' }));
    assert.equal(v, `okta+a-b-c@-.jp+${hash('email', 'okta', 'a山田b,,c@例え.jp')}`);
  });

  it('the readable part keeps every character of [\\w+=.@-]', () => {
    const email = 'A_1+b=c-d.e@例.jp';
    assert.equal(awsIdentityFor(who({ email })), `okta+A_1+b=c-d.e@-.jp+${hash('email', 'okta', email)}`);
  });

  it('the readable part is cut to 39 characters, so the value is exactly 64', () => {
    const email = `${'b'.repeat(80)}@example.com`;
    assert.equal(awsIdentityFor(who({ email })), `okta+${'b'.repeat(34)}+${hash('email', 'okta', email)}`);
  });
});

describe('the exact form <idp>=<email>', () => {
  it('is used up to 64 characters and hashed from 65', () => {
    const at64 = `${'a'.repeat(64 - 'okta=@example.com'.length)}@example.com`;
    assert.equal(awsIdentityFor(who({ email: at64 })), `okta=${at64}`);
    assert.equal(awsIdentityFor(who({ email: `a${at64}` })).length, 64);
    assert.ok(!isExact(awsIdentityFor(who({ email: `a${at64}` }))));
  });

  it('needs an IdP id of [a-z0-9-] starting with a letter or digit', () => {
    assert.equal(awsIdentityFor(who({ idpId: 'e' })), 'e=alice@example.com');
    assert.equal(awsIdentityFor(who({ idpId: 'corp-adfs2' })), 'corp-adfs2=alice@example.com');
    assert.equal(awsIdentityFor(who({ idpId: '1corp' })), '1corp=alice@example.com');
    for (const idpId of ['Okta', '-okta', 'okta!', '!okta', 'ok=ta', 'ok.ta', '']) {
      assert.ok(!isExact(awsIdentityFor(who({ idpId }))), idpId);
      assert.match(awsIdentityFor(who({ idpId })), /^idp\+/, idpId);
    }
  });

  it('needs an ASCII email of [\\w+=.-]@[\\w.-], one @, nothing before or after', () => {
    for (const email of ['a@b', 'A_1+x=y.z-w@ex-ample.co_uk']) assert.equal(awsIdentityFor(who({ email })), `okta=${email}`);
    for (const email of ['a,b@example.com', 'a@b@example.com', 'a@example.com,', ',a@example.com', 'a@ex+ample.com', 'a@ex=ample.com', '@example.com', 'alice@', 'alice', 'al ice@example.com', 'alice@exa mple.com']) {
      assert.match(awsIdentityFor(who({ email })), /^okta\+.*\+[0-9a-f]{24}$/, email);
    }
  });
});

describe('the stable form <idp>-<uuid>', () => {
  it('is used up to 64 characters (an IdP id of 27) and hashed beyond', () => {
    const idp27 = `x${'y'.repeat(26)}`;
    assert.equal(awsIdentityFor(who({ idpId: idp27, email: undefined })), `${idp27}-${UID}`);
    assert.equal(awsIdentityFor(who({ idpId: `${idp27}z`, email: undefined })), `${idp27}z+${UID.slice(0, 39 - 29)}+${hash('user', `${idp27}z`, UID)}`);
  });

  it('needs a lower-case canonical UUID, nothing before or after', () => {
    const bad = [UID.toUpperCase(), `x${UID}`, `${UID}x`, UID.replace(/-/g, ''), UID.slice(1), `${UID.slice(0, 8)}-${UID.slice(9, 13)}5-${UID.slice(14)}`, UID.replace('3f2b8c1e', 'gf2b8c1e'), UID.replace('-9a4d-', '-9a4-d'), UID.replace('-4e6f-', '-4e6-f'), UID.replace('-8b7a-', '-8b7-a'), UID.replace('3f2b8c1e-', '3f2b8c1-e')];
    for (const userId of bad) assert.match(awsIdentityFor(who({ email: undefined, userId })), /^okta\+.*\+[0-9a-f]{24}$/, userId);
  });
});

describe('only a verified, non-empty email counts', () => {
  it('verifiedEmailOf: the email when emailVerified is true, else nothing', () => {
    assert.equal(verifiedEmailOf({ email: 'a@b.co', emailVerified: true }), 'a@b.co');
    assert.equal(verifiedEmailOf({ email: 'a@b.co', emailVerified: false }), undefined);
    assert.equal(verifiedEmailOf({ email: '', emailVerified: true }), undefined);
    assert.equal(verifiedEmailOf({ email: undefined, emailVerified: true }), undefined);
  });

  it('an empty verified email gives the stable id and the stable id as the email tag', () => {
    assert.equal(awsIdentityFor(who({ email: '' })), `okta-${UID}`);
    assert.equal(emailTagValueFor(who({ email: '' })), `okta-${UID}`);
    assert.equal(emailTagValueFor(who({ email: undefined })), `okta-${UID}`);
  });
});
