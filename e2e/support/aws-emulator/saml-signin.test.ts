import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNT } from './test-helpers';
import { ATTR, rolePair, SAML_ROLE, samlResponse, startSamlHarness } from './test-saml-harness';
import { openConsole } from './test-saml-signin';

test('POST /saml with one role → console session, 302 to the console home, ARN shown', async (t) => {
  const h = await startSamlHarness(t);
  const res = await h.postSaml({ SAMLResponse: await h.consoleResponse() });
  assert.equal(res.headers.get('location'), `${h.emulator.url}/console/home?region=us-east-1`);
  assert.match(res.headers.get('set-cookie') ?? '', /HttpOnly; SameSite=Lax/);
  const page = await openConsole(res);
  assert.equal(page.status, 200);
  assert.equal(page.arn, `arn:aws:sts::${ACCOUNT}:assumed-role/${SAML_ROLE}/alice`);
  assert.equal(h.emulator.requests.saml, 1);
});

test('RelayState under /console is the destination; any other URL is ignored', async (t) => {
  const h = await startSamlHarness(t);
  const relay = `${h.emulator.url}/console/s3/home?region=eu-west-1`;
  const res = await h.postSaml({ SAMLResponse: await h.consoleResponse(), RelayState: relay });
  assert.equal(res.headers.get('location'), relay);
  const evil = await h.postSaml({
    SAMLResponse: await h.consoleResponse(),
    RelayState: 'https://evil.test/console',
  });
  assert.equal(evil.headers.get('location'), `${h.emulator.url}/console/home?region=us-east-1`);
});

test('the console session lasts SessionDuration, capped by SessionNotOnOrAfter', async (t) => {
  let now = Date.now();
  const h = await startSamlHarness(t, { now: () => now });
  const duration = (s: string) => ({ attributes: { [`${ATTR}SessionDuration`]: [s] } });
  const short = await openConsole(
    await h.postSaml({ SAMLResponse: await h.consoleResponse(duration('900')) }),
  );
  const capped = await h.consoleResponse({
    ...duration('7200'),
    sessionNotOnOrAfter: new Date(now + 1800_000),
  });
  const mid = await openConsole(await h.postSaml({ SAMLResponse: capped }));
  const dflt = await openConsole(await h.postSaml({ SAMLResponse: await h.consoleResponse() }));
  const status = async (cookie: string) =>
    (await fetch(`${h.emulator.url}/console/home`, { headers: { cookie } })).status;
  now += 901_000;
  assert.deepEqual([await status(short.cookie), await status(mid.cookie)], [403, 200]);
  now += 900_000;
  assert.deepEqual([await status(mid.cookie), await status(dflt.cookie)], [403, 200]);
  now += 1800_000;
  assert.equal(await status(dflt.cookie), 403, 'default: one hour');
  const bad = await h.postSaml({
    SAMLResponse: await samlResponse({ recipient: `${h.emulator.url}/saml`, ...duration('60') }),
  });
  assert.equal(bad.status, 400);
});

test('/saml refuses what STS refuses: wrong Recipient, bad signature, trust policy, no response', async (t) => {
  const h = await startSamlHarness(t);
  const awsRecipient = await h.postSaml({ SAMLResponse: await samlResponse() });
  assert.equal(awsRecipient.status, 400, 'the Recipient must be this endpoint');
  assert.match(
    await awsRecipient.text(),
    /InvalidIdentityToken<\/b>: Invalid SAML response: Recipient/,
  );
  const tampered = await h.consoleResponse({ tamper: (xml) => xml.replace('>alice<', '>eve<') });
  assert.match(
    await (await h.postSaml({ SAMLResponse: tampered })).text(),
    /Response signature invalid/,
  );
  const denied = await h.postSaml({
    SAMLResponse: await h.consoleResponse({ roles: [rolePair('nope')] }),
  });
  assert.equal(denied.status, 403);
  assert.equal((await h.postSaml({})).status, 400);
  assert.equal(h.emulator.credentials.all().length, 0);
});
