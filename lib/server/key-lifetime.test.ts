/**
 * Issue 12 §5: key material has a lifetime. Drives the real key rings (issuer JWKs, the AWS IdP
 * certificate, a connection's SP signing and encryption certificates) over the real repos with an
 * injected clock, every 23 h 7 min (so rotations land at every hour of the day) for three years, and checks at every step that nothing in use or
 * published is outside its certificate's validity, that the successor was published before it was
 * needed, and that the expiry warning fired ahead of expiry.
 */
import assert from 'node:assert/strict';
import { randomBytes, X509Certificate } from 'node:crypto';
import { it } from 'node:test';
import { ownKeyExpiry } from '../core/oidc/key-expiry';
import type { RotationPolicy } from '../core/oidc/rotation';
import { createSecretBox } from '../db/crypto';
import type { Repos } from '../db/repos';
import { describeEachDialect } from '../db/test-support/databases';
import { createIssuerKeys } from './issuer-keys';
import { createSamlKeyRing, idpKeyLifetime, samlRotationPolicy, SP_KEY_LIFETIME, type SamlKeyRing } from './saml/saml-keys';
import type { SamlKeyPurpose } from '../db/repos/saml-keys';

const DAY = 86_400_000;
// Shorter than the one-day clock margin of key-lifetime.ts, and off the day grid.
const STEP = 23 * 3600_000 + 7 * 60_000;
const T0 = new Date('2027-01-01T00:00:00.000Z');
const END = T0.getTime() + 3 * 365 * DAY;
const IDP = idpKeyLifetime({ certValidityDays: 365, assertionLifetimeSeconds: 300 });
const ISSUER_POLICY: RotationPolicy = { rotationDays: 90, prepublishSeconds: 3600, retiredGraceSeconds: 600 };

interface Validity {
  from: number;
  to: number;
}
const parsed = new Map<string, Validity>();
/** Read from the certificate itself, not from the database's copy of notAfter. */
const validity = (pem: string): Validity => {
  let v = parsed.get(pem);
  if (!v) {
    const c = new X509Certificate(pem);
    v = { from: Date.parse(c.validFrom), to: Date.parse(c.validTo) };
    parsed.set(pem, v);
  }
  return v;
};

interface SamlSubject {
  name: string;
  purpose: SamlKeyPurpose;
  connectionId: string | null;
  lifetime: { validityDays: number; retiredGraceSeconds: number };
  ring: SamlKeyRing;
  /** When each certificate (by PEM) first appeared in the metadata. */
  firstPublished: Map<string, number>;
  /** The first moment the warning reported each active certificate as expiring soon. */
  warnedAt: Map<string, number>;
  activeSeen: Map<string, { pem: string; until: number }>;
  lastActive?: string;
}

function samlSubject(repos: Repos, clock: { now: Date }, purpose: SamlKeyPurpose, connectionId: string | null, lifetime: SamlSubject['lifetime']): SamlSubject {
  const box = createSecretBox([randomBytes(32)]);
  const ring = createSamlKeyRing(repos.samlKeys, box, { purpose, connectionId, commonName: `sim ${purpose}`, ...lifetime, now: () => clock.now });
  return { name: `${purpose}${connectionId ? ` (${connectionId})` : ''}`, purpose, connectionId, lifetime, ring, firstPublished: new Map(), warnedAt: new Map(), activeSeen: new Map() };
}

/** The invariants of one SAML ring at `t`. */
async function checkSaml(s: SamlSubject, repos: Repos, t: number): Promise<void> {
  const policy = samlRotationPolicy(s.lifetime);
  const graceMs = s.lifetime.retiredGraceSeconds * 1000;
  const active = await s.ring.active();
  const v = validity(active.certPem);
  const at = new Date(t).toISOString();
  assert.ok(v.from <= t, `${s.name}: active certificate not yet valid at ${at}`);
  assert.ok(t + graceMs <= v.to, `${s.name}: active certificate (notAfter ${new Date(v.to).toISOString()}) in use at ${at}`);
  for (const pem of await s.ring.certificates()) {
    const p = validity(pem);
    assert.ok(p.from <= t && t < p.to, `${s.name}: published certificate outside its validity at ${at}`);
    if (!s.firstPublished.has(pem)) s.firstPublished.set(pem, t);
    // No certificate outlives the configured validity.
    assert.ok(p.to - p.from <= s.lifetime.validityDays * DAY + 61_000, `${s.name}: certificate valid longer than ${s.lifetime.validityDays} days`);
  }
  if (s.lastActive !== undefined && s.lastActive !== active.id) {
    // The successor was in the metadata at least the prepublish time before it was needed.
    const since = s.firstPublished.get(active.certPem);
    assert.ok(since !== undefined && t - since >= policy.prepublishSeconds * 1000, `${s.name}: successor not published ahead at ${at}`);
  }
  s.lastActive = active.id;
  s.activeSeen.set(active.id, { pem: active.certPem, until: t });
  const keys = await repos.samlKeys.listSamlKeys(s.purpose, s.connectionId);
  for (const k of keys.filter((r) => r.status === 'retired' && r.retiredAt)) {
    // A retired certificate stays verifiable for the whole grace after its last signature.
    assert.ok((k.retiredAt?.getTime() ?? 0) + graceMs <= validity(k.certPem).to, `${s.name}: ${k.id} expires inside its grace`);
  }
  const warning = ownKeyExpiry(keys.map((k) => ({ ...k, kid: k.id })), new Date(t), policy);
  if (warning.expiry !== 'ok' && warning.active && !s.warnedAt.has(warning.active.kid)) {
    s.warnedAt.set(warning.active.kid, t);
    assert.ok(warning.successor, `${s.name}: the warning names the successor`);
  }
}

/** Every certificate that was active got its warning ≥ 29 days before its notAfter. */
function checkWarned(s: SamlSubject): void {
  let rotations = 0;
  for (const [id, seen] of s.activeSeen) {
    const to = validity(seen.pem).to;
    if (to > END) continue; // still valid when the simulation ends
    rotations++;
    const warned = s.warnedAt.get(id);
    assert.ok(warned !== undefined, `${s.name}: no warning for ${id}`);
    assert.ok(to - warned >= 29 * DAY, `${s.name}: warned only ${(to - warned) / DAY} days ahead`);
    assert.ok(warned <= seen.until, `${s.name}: warned after the certificate stopped being used`);
  }
  assert.ok(rotations >= 1, `${s.name}: the simulation saw no certificate reach its end`);
}

describeEachDialect('key lifetimes over three years of a simulated clock', (ctx) => {
  it('every certificate in use or published is within its validity; successors are published ahead; warnings come first', async () => {
    const { repos } = ctx();
    const clock = { now: T0 };
    const conn = 'okta-sim';
    const saml = [
      samlSubject(repos, clock, 'aws-idp-signing', null, IDP),
      samlSubject(repos, clock, 'sp-signing', conn, SP_KEY_LIFETIME),
      samlSubject(repos, clock, 'sp-encryption', conn, SP_KEY_LIFETIME),
    ];
    const issuer = createIssuerKeys(
      {
        list: () => repos.signingKeys.listSigningKeys(),
        insert: async (k) => void (await repos.signingKeys.insertSigningKey(k)),
        activate: async (kid, at) => void (await repos.signingKeys.activateKey(kid, at)),
      },
      createSecretBox([randomBytes(32)]),
      ISSUER_POLICY,
      () => clock.now,
    );
    const issuerSeen = new Map<string, number>();
    let issuerActive: string | undefined;
    for (let t = T0.getTime(); t <= END; t += STEP) {
      clock.now = new Date(t);
      for (const s of saml) await checkSaml(s, repos, t);
      const signer = await issuer.signer();
      const published = await issuer.published();
      assert.ok(published.some((k) => k.kid === signer.kid), 'the issuer signs with a published key');
      const rec = published.find((k) => k.kid === signer.kid);
      assert.ok(t - (rec?.activatedAt?.getTime() ?? 0) <= ISSUER_POLICY.rotationDays * DAY + STEP, 'issuer key used past its period');
      if (issuerActive && issuerActive !== signer.kid) {
        const since = issuerSeen.get(signer.kid);
        assert.ok(since !== undefined && t - since >= ISSUER_POLICY.prepublishSeconds * 1000, 'issuer successor not published ahead');
      }
      issuerActive = signer.kid;
      for (const k of published) if (!issuerSeen.has(k.kid)) issuerSeen.set(k.kid, t);
    }
    for (const s of saml) checkWarned(s);
    const issuerKeys = await repos.signingKeys.listSigningKeys();
    assert.ok(issuerKeys.length >= 12, `the issuer rotated every 90 days (${issuerKeys.length} keys)`);
  });

  it('after a long downtime the expired certificate is never used: a valid one takes over at once', async () => {
    const { repos } = ctx();
    const clock = { now: T0 };
    const s = samlSubject(repos, clock, 'sp-signing', 'downtime-sim', SP_KEY_LIFETIME);
    const first = await s.ring.active();
    // Nobody signs in for 800 days: both the active and the waiting certificate have expired.
    clock.now = new Date(T0.getTime() + 800 * DAY);
    const after = await s.ring.active();
    assert.notEqual(after.id, first.id);
    const v = validity(after.certPem);
    assert.ok(v.from <= clock.now.getTime() && clock.now.getTime() + 3600_000 <= v.to, 'a valid certificate signs');
    for (const pem of await s.ring.certificates()) assert.ok(clock.now.getTime() < validity(pem).to, 'no expired certificate in the metadata');
    const warning = ownKeyExpiry((await repos.samlKeys.listSamlKeys('sp-signing', 'downtime-sim')).map((k) => ({ ...k, kid: k.id })), clock.now, samlRotationPolicy(SP_KEY_LIFETIME));
    assert.equal(warning.expiry, 'ok');
  });
});
