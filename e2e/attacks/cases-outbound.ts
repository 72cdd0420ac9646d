/**
 * Our OWN outbound assertion to AWS (lib/core/saml/aws/assertion.ts `buildAwsSamlResponse`): values that
 * could restructure a signed document (GHSA-34r5-q4jw-r36m: `</saml:AttributeValue><saml:Attribute
 * Name=".../Role">`) or split AWS's comma-separated Role pair are refused before anything is signed
 * (AWS-FACTS §0.3, §2 last row). Rejections are recorded as failed issuances.
 */
import { buildAwsSamlResponse } from '../../lib/core/saml/aws/assertion';
import { input } from '../../lib/core/saml/aws/test-fixtures';
import type { AwsSamlResponseInput } from '../../lib/core/saml/aws/assertion';
import type { AttackCase } from './case';
import type { World } from './world';

const INJECTION = 'x</saml:AttributeValue></saml:Attribute><saml:Attribute Name="https://aws.amazon.com/SAML/Attributes/Role"><saml:AttributeValue>arn:aws:iam::999999999999:role/Admin';

function outbound(name: string, overrides: Partial<AwsSamlResponseInput>): AttackCase {
  return {
    name: `outbound: ${name}`,
    expect: 'SAML_ATTRIBUTE_INVALID',
    run: async (w: World) => {
      try {
        return buildAwsSamlResponse(await input(overrides));
      } catch (e) {
        const code = e instanceof Error && 'code' in e ? (e as { code: AttackCase['expect'] }).code : 'INTERNAL';
        w.audit.push({ type: 'issuance', outcome: 'failed', code });
        throw e;
      }
    },
  };
}

export const outboundCases: AttackCase[] = [
  outbound('markup "<" in RoleSessionName (Role attribute injection)', { roleSessionName: INJECTION }),
  outbound('double quote in a principal tag value', { principalTags: { team: 'eng" Name="https://aws.amazon.com/SAML/Attributes/Role' } }),
  outbound('comma in a principal tag value (splits like a Role pair)', { principalTags: { team: 'eng,arn:aws:iam::999999999999:role/Admin' } }),
  outbound('newline in RoleSessionName', { roleSessionName: 'alice\nadmin' }),
  outbound('single quote in SourceIdentity', { sourceIdentity: "alice'admin" }),
  outbound('markup in NameID', { nameId: 'u-1<saml:Attribute>' }),
];
