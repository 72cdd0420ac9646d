/**
 * Issue 12 §8: the fixed names of the documents we sign for AWS (./names). IAM matches them
 * character for character, so each is checked against its source, not against itself.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AWS_ATTRIBUTE, AWS_AUDIENCE, NS, SAML, signinHostPartition } from './names';

test('issue 12 §8: namespaces are those of SAML 2.0 core/metadata and XMLDSig', () => {
  assert.deepEqual(NS, {
    samlp: 'urn:oasis:names:tc:SAML:2.0:protocol',
    saml: 'urn:oasis:names:tc:SAML:2.0:assertion',
    md: 'urn:oasis:names:tc:SAML:2.0:metadata',
    ds: 'http://www.w3.org/2000/09/xmldsig#',
  });
});

test('issue 12 §8: SAML URIs are the ones saml-core-2.0-os and the bindings spec define', () => {
  assert.deepEqual(SAML, {
    version: '2.0',
    statusSuccess: 'urn:oasis:names:tc:SAML:2.0:status:Success',
    bearer: 'urn:oasis:names:tc:SAML:2.0:cm:bearer',
    persistent: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
    entityFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:entity',
    attrNameFormatUri: 'urn:oasis:names:tc:SAML:2.0:attrname-format:uri',
    authnContextUnspecified: 'urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified',
    bindingPost: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
    bindingRedirect: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect',
  });
});

test('issue 12 §8: AWS attribute names are case-sensitive and exactly as AWS-FACTS §1.2 lists', () => {
  assert.deepEqual(AWS_ATTRIBUTE, {
    role: 'https://aws.amazon.com/SAML/Attributes/Role',
    roleSessionName: 'https://aws.amazon.com/SAML/Attributes/RoleSessionName',
    sessionDuration: 'https://aws.amazon.com/SAML/Attributes/SessionDuration',
    principalTagPrefix: 'https://aws.amazon.com/SAML/Attributes/PrincipalTag:',
    transitiveTagKeys: 'https://aws.amazon.com/SAML/Attributes/TransitiveTagKeys',
    sourceIdentity: 'https://aws.amazon.com/SAML/Attributes/SourceIdentity',
  });
});

test('issue 12 §8: the Audience per partition is AWS SP entityID (urn:amazon:webservices…)', () => {
  assert.deepEqual(AWS_AUDIENCE, {
    aws: 'urn:amazon:webservices',
    'aws-us-gov': 'urn:amazon:webservices:govcloud',
    'aws-cn': 'urn:amazon:webservices:cn-north-1',
  });
});

test('issue 12 §8: global and regional sign-in hosts map to their partition (AWS-FACTS §1.2/§1.4)', () => {
  const cases: [string, string | undefined][] = [
    ['signin.aws.amazon.com', 'aws'],
    ['us-east-2.signin.aws.amazon.com', 'aws'],
    ['EU-West-1.SIGNIN.AWS.AMAZON.COM', 'aws'],
    ['signin.amazonaws-us-gov.com', 'aws-us-gov'],
    ['us-gov-west-1.signin.amazonaws-us-gov.com', 'aws-us-gov'],
    ['Signin.AmazonAWS-US-Gov.com', 'aws-us-gov'],
    ['signin.amazonaws.cn', 'aws-cn'],
    ['cn-north-1.signin.amazonaws.cn', 'aws-cn'],
    ['SIGNIN.AMAZONAWS.CN', 'aws-cn'],
  ];
  for (const [host, partition] of cases) assert.equal(signinHostPartition(host), partition, host);
});

test('issue 12 §8: look-alike hosts are no sign-in host (no partition check is skipped by them)', () => {
  for (const host of [
    'localhost',
    'a.b.signin.aws.amazon.com',
    'evil_.signin.aws.amazon.com',
    '.signin.aws.amazon.com',
    'signin.aws.amazon.com.evil.example',
    'xsignin.aws.amazon.com',
    'a.b.signin.amazonaws-us-gov.com',
    'evil_.signin.amazonaws-us-gov.com',
    '.signin.amazonaws-us-gov.com',
    'signin.amazonaws-us-gov.com.evil.example',
    'xsignin.amazonaws-us-gov.com',
    'a.b.signin.amazonaws.cn',
    'evil_.signin.amazonaws.cn',
    '.signin.amazonaws.cn',
    'signin.amazonaws.cn.evil.example',
    'xsignin.amazonaws.cn',
  ]) {
    assert.equal(signinHostPartition(host), undefined, host);
  }
});
