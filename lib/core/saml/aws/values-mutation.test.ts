/**
 * Issue 12 §8: tests that can tell for ./values — each guard is pinned at its boundaries and by the
 * exact field name and public detail it reports (AWS-FACTS §0.3: validate every AWS-bound value
 * before it is templated or signed; §1.1–1.2 for the session window).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GatewayError } from '../../errors';
import {
  assertNameId,
  assertSamlSafe,
  assertSamlUrl,
  assertSessionWindow,
  assertValidity,
  MAX_LIFETIME_SECONDS,
  rejectValue,
} from './values';

const FORBIDDEN_DETAIL =
  'it contains a character that is not allowed in a SAML value ' +
  '(<, >, &, quotes, comma, line breaks or other control characters)';

/** Asserts `fn` throws SAML_ATTRIBUTE_INVALID with exactly `field: why` as message and public detail. */
function rejects(fn: () => unknown, field: string, why: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof GatewayError);
    assert.equal(e.code, 'SAML_ATTRIBUTE_INVALID');
    assert.equal(e.message, `${field}: ${why}`);
    assert.equal(e.publicDetail, `${field}: ${why}`);
    return true;
  });
}

const NOW = new Date('2026-03-01T10:00:00.000Z');
const at = (seconds: number): Date => new Date(NOW.getTime() + seconds * 1000);

test('issue 12 §8: rejectValue names the field and the rule, as message and public detail', () => {
  rejects(() => rejectValue('RoleSessionName', 'too long'), 'RoleSessionName', 'too long');
});

test('issue 12 §8: GHSA-34r5-q4jw-r36m — every markup, quote, comma and control character is refused', () => {
  // Markup, quotes, comma; C0 (TAB/LF/CR included), DEL and C1; LS/PS; non-characters; lone surrogates.
  const forbidden = [...'<>&"\',', ...'\u0000\t\n\r\u001f', ...'\u007f\u0085\u009f'];
  forbidden.push(...'\u2028\u2029\ufffe\uffff', '\ud800', '\udfff');
  for (const ch of forbidden) {
    for (const value of [ch, `a${ch}`, `${ch}a`, `ab${ch}cd`]) {
      rejects(() => assertSamlSafe('RoleSessionName', value), 'RoleSessionName', FORBIDDEN_DETAIL);
    }
  }
});

test('issue 12 §8: the neighbours of the forbidden ranges stay allowed (space, ~, NBSP, U+2027, U+202A, U+FFFD, emoji)', () => {
  const allowed = ['', 'a b', ...' !~\u00a0\u00e9\u2027\u202a\ufffc\ufffd', '\u{1f600}'];
  allowed.push('arn:aws:iam::123456789012:role/Admin', 'team=blue+green/x@y.z:1_2-3');
  for (const value of allowed)
    assert.doesNotThrow(() => assertSamlSafe('PrincipalTag', value), value);
});

test('issue 12 §8: a SAML value that is not text is refused as such', () => {
  for (const value of [undefined, null, 42, ['a'], { toString: () => 'a' }]) {
    rejects(() => assertSamlSafe('SourceIdentity', value), 'SourceIdentity', 'it must be text');
  }
});

test('issue 12 §8: issuer/recipient URLs are 1–1024 printable ASCII characters, returned unchanged', () => {
  const base = 'https://rolegate.example.com/';
  const longest = base + 'p'.repeat(1024 - base.length);
  assert.equal(assertSamlUrl('issuer', longest), longest);
  const printable = 'must be 1–1024 printable ASCII characters without spaces';
  rejects(() => assertSamlUrl('issuer', `${longest}p`), 'issuer', `it ${printable}`);
  rejects(() => assertSamlUrl('issuer', ''), 'issuer', `it ${printable}`);
  rejects(
    () => assertSamlUrl('issuer', 'https://rolegate.example.com/a b'),
    'issuer',
    `it ${printable}`,
  );
  rejects(() => assertSamlUrl('issuer', 'https://exämple.com/'), 'issuer', `it ${printable}`);
  rejects(() => assertSamlUrl('issuer', 'https://ex\u00a0ample.com/'), 'issuer', `it ${printable}`);
  // IAM compares Issuer with the metadata entityID character for character: no normalising.
  const odd = 'https://ROLEGATE.example.com:443/a/../idp?x=1!~';
  assert.equal(assertSamlUrl('issuer', odd), odd);
  rejects(() => assertSamlUrl('recipient', 'https://a/<'), 'recipient', FORBIDDEN_DETAIL);
  rejects(() => assertSamlUrl('recipient', 7), 'recipient', 'it must be text');
});

test('issue 12 §8: a URL must be absolute, https (http only for the demo), without credentials or fragment', () => {
  rejects(
    () => assertSamlUrl('issuer', 'rolegate.example.com'),
    'issuer',
    'it is not an absolute URL',
  );
  rejects(() => assertSamlUrl('issuer', '/saml/idp'), 'issuer', 'it is not an absolute URL');
  rejects(
    () => assertSamlUrl('issuer', 'http://rolegate.example.com/'),
    'issuer',
    'it must be an https URL',
  );
  rejects(
    () => assertSamlUrl('issuer', 'http://rolegate.example.com/', false),
    'issuer',
    'it must be an https URL',
  );
  rejects(
    () => assertSamlUrl('issuer', 'ftp://rolegate.example.com/'),
    'issuer',
    'it must be an https URL',
  );
  rejects(() => assertSamlUrl('issuer', 'urn:rolegate:idp'), 'issuer', 'it must be an https URL');
  rejects(
    () => assertSamlUrl('issuer', 'ftp://rolegate.example.com/', true),
    'issuer',
    'it must be an http(s) URL',
  );
  assert.equal(
    assertSamlUrl('issuer', 'http://localhost:3000/idp', true),
    'http://localhost:3000/idp',
  );
  assert.equal(
    assertSamlUrl('issuer', 'https://localhost:3000/idp', true),
    'https://localhost:3000/idp',
  );
  const creds = 'it must not contain credentials or a fragment';
  rejects(
    () => assertSamlUrl('recipient', 'https://u@signin.aws.amazon.com/saml'),
    'recipient',
    creds,
  );
  rejects(
    () => assertSamlUrl('recipient', 'https://:p@signin.aws.amazon.com/saml'),
    'recipient',
    creds,
  );
  rejects(
    () => assertSamlUrl('recipient', 'https://u:p@signin.aws.amazon.com/saml'),
    'recipient',
    creds,
  );
  rejects(
    () => assertSamlUrl('recipient', 'https://signin.aws.amazon.com/saml#x'),
    'recipient',
    creds,
  );
});

test('issue 12 §8: NameID is 1–256 printable ASCII characters (saml-core §8.3.7), returned unchanged', () => {
  for (const id of ['!', '~', 'u', 'x'.repeat(256), 'u-7f3a9c', 'A!~z'])
    assert.equal(assertNameId(id), id);
  const printable = 'it must be 1–256 printable ASCII characters without spaces';
  for (const id of ['', 'x'.repeat(257), 'has space', ' ', 'caf\u00e9', '\u00a0']) {
    rejects(() => assertNameId(id), 'NameID', printable);
  }
  rejects(() => assertNameId('a\u007f'), 'NameID', FORBIDDEN_DETAIL);
  rejects(() => assertNameId(12), 'NameID', 'it must be text');
});

test('issue 12 §8: an assertion lives 1–300 s, counted from a valid now', () => {
  assert.equal(MAX_LIFETIME_SECONDS, 300);
  for (const lifetime of [1, 2, 299, 300]) assert.doesNotThrow(() => assertValidity(NOW, lifetime));
  const why = 'it must be a whole number from 1 to 300';
  for (const lifetime of [0, 0.5, 1.5, 300.5, 301, -1, Number.NaN, Infinity, '60', undefined]) {
    rejects(() => assertValidity(NOW, lifetime), 'lifetimeSeconds', why);
  }
  for (const now of [new Date(Number.NaN), NOW.getTime(), NOW.toISOString(), undefined]) {
    rejects(() => assertValidity(now, 60), 'now', 'it must be a valid date');
  }
});

test('issue 12 §4: SessionNotOnOrAfter lies after now and at most 12 h (43 200 s) on', () => {
  for (const end of [at(0.001), at(1), at(3600), at(43_200)]) {
    assert.doesNotThrow(() => assertSessionWindow(NOW, 900, end));
  }
  const why = 'it must lie after now and at most 43200 s on';
  for (const end of [at(0), at(-1), at(-3600), at(43_200.001), at(43_201), at(86_400)]) {
    rejects(() => assertSessionWindow(NOW, 900, end), 'sessionNotOnOrAfter', why);
  }
  for (const end of [
    undefined,
    new Date(Number.NaN),
    NOW.getTime() + 60_000,
    at(60).toISOString(),
  ]) {
    rejects(
      () => assertSessionWindow(NOW, 900, end),
      'sessionNotOnOrAfter',
      'it must be a valid date',
    );
  }
});

test('issue 12 §4: SessionDuration may not outlast SessionNotOnOrAfter (the lesser wins at AWS)', () => {
  const why = 'it must not outlast sessionNotOnOrAfter';
  assert.doesNotThrow(() => assertSessionWindow(NOW, 3600, at(3600)));
  rejects(() => assertSessionWindow(NOW, 3601, at(3600)), 'sessionDurationSeconds', why);
  assert.doesNotThrow(() => assertSessionWindow(NOW, 43_200, at(43_200)));
  // A window of 1000.2 s rounds up: SessionDuration 1001 ends within a second of it.
  assert.doesNotThrow(() => assertSessionWindow(NOW, 1001, at(1000.2)));
  rejects(() => assertSessionWindow(NOW, 1002, at(1000.2)), 'sessionDurationSeconds', why);
  // Under AWS's 900 s minimum SessionDuration, 900 is allowed: SessionNotOnOrAfter ends the session.
  assert.doesNotThrow(() => assertSessionWindow(NOW, 900, at(300)));
  rejects(() => assertSessionWindow(NOW, 901, at(300)), 'sessionDurationSeconds', why);
  for (const duration of [undefined, '900', null]) {
    rejects(
      () => assertSessionWindow(NOW, duration, at(3600)),
      'sessionDurationSeconds',
      'it must be a number',
    );
  }
});
