import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildAwsSamlResponse } from './assertion';
import { AWS_ATTRIBUTE } from './names';
import {
  input,
  metadataFor,
  verifyWithMetadata,
  ISSUER,
  NOW,
  nodes,
  parse,
  PROVIDER,
  RECIPIENT,
  ROLE,
  select,
  texts,
} from './test-fixtures';

function attr(doc: Document, name: string): string[] {
  return texts(
    `/samlp:Response/saml:Assertion/saml:AttributeStatement/saml:Attribute[@Name="${name}"]/saml:AttributeValue`,
    doc,
  );
}

const A = '/samlp:Response/saml:Assertion';

test('structure: one Assertion, Issuer, Destination, Audience, one bearer SubjectConfirmation', async () => {
  const doc = parse(buildAwsSamlResponse(await input()));
  assert.equal(nodes('//saml:Assertion', doc).length, 1);
  assert.equal(String(select('string(/samlp:Response/@Destination)', doc)), RECIPIENT);
  assert.match(String(select('string(/samlp:Response/@ID)', doc)), /^_[0-9a-f]{40}$/);
  assert.deepEqual(texts('/samlp:Response/saml:Issuer', doc), [ISSUER]);
  assert.deepEqual(texts(`${A}/saml:Issuer`, doc), [ISSUER]);
  assert.equal(
    String(select('string(/samlp:Response/samlp:Status/samlp:StatusCode/@Value)', doc)),
    'urn:oasis:names:tc:SAML:2.0:status:Success',
  );
  assert.deepEqual(texts(`${A}/saml:Conditions/saml:AudienceRestriction/saml:Audience`, doc), [
    'urn:amazon:webservices',
  ]);
  const nameId = nodes(`${A}/saml:Subject/saml:NameID`, doc);
  assert.equal(nameId.length, 1);
  assert.equal(
    (nameId[0] as Element).getAttribute('Format'),
    'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
  );
  assert.equal(nameId[0]!.textContent, 'u-7f3a9c');
  const confirmations = nodes('//saml:SubjectConfirmation', doc) as Element[];
  assert.equal(confirmations.length, 1);
  assert.equal(confirmations[0]!.getAttribute('Method'), 'urn:oasis:names:tc:SAML:2.0:cm:bearer');
  const data = nodes(
    `${A}/saml:Subject/saml:SubjectConfirmation/saml:SubjectConfirmationData`,
    doc,
  ) as Element[];
  assert.equal(data.length, 1);
  assert.equal(data[0]!.getAttribute('Recipient'), RECIPIENT);
  const noa = Date.parse(data[0]!.getAttribute('NotOnOrAfter') ?? '');
  assert.ok(noa > NOW.getTime() && noa <= NOW.getTime() + 300_000);
});

test('times: Conditions window, AuthnStatement with AuthnInstant and SessionIndex', async () => {
  const doc = parse(buildAwsSamlResponse(await input({ lifetimeSeconds: 120 })));
  const cond = nodes(`${A}/saml:Conditions`, doc)[0] as Element;
  assert.ok(Date.parse(cond.getAttribute('NotBefore') ?? '') <= NOW.getTime());
  assert.equal(cond.getAttribute('NotOnOrAfter'), new Date(NOW.getTime() + 120_000).toISOString());
  const authn = nodes(`${A}/saml:AuthnStatement`, doc) as Element[];
  assert.equal(authn.length, 1);
  assert.equal(authn[0]!.getAttribute('AuthnInstant'), NOW.toISOString());
  assert.match(authn[0]!.getAttribute('SessionIndex') ?? '', /^_[0-9a-f]{40}$/);
  assert.equal(String(select(`string(${A}/@IssueInstant)`, doc)), NOW.toISOString());
});

test('attributes: role pairs, RoleSessionName, SessionDuration, tags, transitive keys, SourceIdentity', async () => {
  const role2 = 'arn:aws:iam::210987654321:role/path/ReadOnly';
  const provider2 = 'arn:aws:iam::210987654321:saml-provider/Rolegate';
  const xml = buildAwsSamlResponse(
    await input({
      roles: [
        { roleArn: ROLE, providerArn: PROVIDER },
        { roleArn: role2, providerArn: provider2 },
      ],
      sessionDurationSeconds: 3600,
      principalTags: { Team: 'blue team', 'cost-center': '42', Empty: '' },
      transitiveTagKeys: ['Team', 'cost-center'],
      sourceIdentity: 'alice@example.com',
    }),
  );
  assert.ok(verifyWithMetadata(xml, await metadataFor()));
  const doc = parse(xml);
  assert.deepEqual(attr(doc, AWS_ATTRIBUTE.role), [`${ROLE},${PROVIDER}`, `${role2},${provider2}`]);
  assert.deepEqual(attr(doc, AWS_ATTRIBUTE.roleSessionName), ['alice@example.com']);
  assert.deepEqual(attr(doc, AWS_ATTRIBUTE.sessionDuration), ['3600']);
  assert.deepEqual(attr(doc, `${AWS_ATTRIBUTE.principalTagPrefix}Team`), ['blue team']);
  assert.deepEqual(attr(doc, `${AWS_ATTRIBUTE.principalTagPrefix}cost-center`), ['42']);
  assert.deepEqual(attr(doc, `${AWS_ATTRIBUTE.principalTagPrefix}Empty`), ['']);
  assert.deepEqual(attr(doc, AWS_ATTRIBUTE.transitiveTagKeys), ['Team', 'cost-center']);
  assert.deepEqual(attr(doc, AWS_ATTRIBUTE.sourceIdentity), ['alice@example.com']);
  const names = texts(`${A}/saml:AttributeStatement/saml:Attribute/@Name`, doc);
  assert.equal(names.length, 8);
  assert.equal(new Set(names).size, 8, 'each attribute appears once');
});

test('optional attributes are left out when not given; SessionDuration never is', async () => {
  const doc = parse(buildAwsSamlResponse(await input()));
  const names = texts(`${A}/saml:AttributeStatement/saml:Attribute/@Name`, doc);
  assert.deepEqual(names, [AWS_ATTRIBUTE.role, AWS_ATTRIBUTE.roleSessionName, AWS_ATTRIBUTE.sessionDuration]);
});

// Issue 12 §4: an assertion that leaves the server must end its sessions itself, whoever presents it.
test('issue 12: every assertion carries SessionNotOnOrAfter (signed) and SessionDuration', async () => {
  const ends = new Date(NOW.getTime() + 1_200_000);
  const xml = buildAwsSamlResponse(await input({ sessionDurationSeconds: 1200, sessionNotOnOrAfter: ends }));
  const covered = verifyWithMetadata(xml, await metadataFor());
  assert.ok(covered?.includes(`SessionNotOnOrAfter="${ends.toISOString()}"`), 'inside the signed Assertion');
  const doc = parse(xml);
  assert.equal(String(select(`string(${A}/saml:AuthnStatement/@SessionNotOnOrAfter)`, doc)), ends.toISOString());
  assert.deepEqual(attr(doc, AWS_ATTRIBUTE.sessionDuration), ['1200']);
});

test('GovCloud and China roles get their partition audience', async () => {
  const gov = parse(
    buildAwsSamlResponse(
      await input({
        recipient: 'https://signin.amazonaws-us-gov.com/saml',
        roles: [
          {
            roleArn: 'arn:aws-us-gov:iam::123456789012:role/A',
            providerArn: 'arn:aws-us-gov:iam::123456789012:saml-provider/R',
          },
        ],
      }),
    ),
  );
  assert.deepEqual(texts('//saml:Audience', gov), ['urn:amazon:webservices:govcloud']);
  const cn = parse(
    buildAwsSamlResponse(
      await input({
        recipient: 'https://signin.amazonaws.cn/saml',
        roles: [
          {
            roleArn: 'arn:aws-cn:iam::123456789012:role/A',
            providerArn: 'arn:aws-cn:iam::123456789012:saml-provider/R',
          },
        ],
      }),
    ),
  );
  assert.deepEqual(texts('//saml:Audience', cn), ['urn:amazon:webservices:cn-north-1']);
});

test('local demo: http issuer/recipient only with allowHttp', async () => {
  const local = {
    issuer: 'http://localhost:3000/saml/idp',
    recipient: 'http://127.0.0.1:4566/saml',
  };
  const base = await input(local);
  assert.throws(() => buildAwsSamlResponse(base), { code: 'SAML_ATTRIBUTE_INVALID' });
  const xml = buildAwsSamlResponse({ ...base, allowHttp: true });
  assert.equal(String(select('string(/samlp:Response/@Destination)', parse(xml))), local.recipient);
});
