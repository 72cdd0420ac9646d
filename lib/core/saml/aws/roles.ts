/**
 * Validating the role/provider pairs of the `https://aws.amazon.com/SAML/Attributes/Role` attribute
 * (AWS-FACTS §1.2; [UG id_roles_providers_create_saml_assertions]): each AttributeValue is
 * `<role ARN>,<SAML provider ARN>`, and AWS splits it on the comma, so neither ARN may contain one.
 */
import { GatewayError } from '../../errors';
import { assertAwsValue, ROLE_ARN } from '../../aws/patterns';
import type { Partition } from '../../types';
import { assertSamlSafe } from './values';

/**
 * IAM SAML provider ARN: `arn:<partition>:iam::<12 digits>:saml-provider/<name>`, name 1–128 of
 * `[\w+=.@-]` (IAM CreateSAMLProvider `Name` is at most 128 characters of `[\w+=,.@-]`; the comma
 * is left out here because AWS splits the Role value on it, and {@link assertSamlSafe} has already
 * refused it before this pattern runs).
 */
export const SAML_PROVIDER_ARN =
  /^arn:(aws|aws-us-gov|aws-cn):iam::(\d{12}):saml-provider\/([\w+=.@-]{1,128})$/;

/**
 * A sanity cap on pairs per response; the signed size is checked against STS's 100 000 base64
 * characters separately (./assertion).
 */
export const MAX_ROLE_PAIRS = 100;

/** A role the user may assume and the IAM SAML provider (in the role's account) that trusts us. */
export interface AwsRolePair {
  roleArn: string;
  providerArn: string;
}

function invalid(why: string, publicDetail: string): never {
  throw new GatewayError('AWS_VALUE_INVALID', why, { publicDetail });
}

function checkPair(pair: AwsRolePair, i: number): { partition: Partition; value: string } {
  assertSamlSafe(`roles[${i}].roleArn`, pair.roleArn);
  assertSamlSafe(`roles[${i}].providerArn`, pair.providerArn);
  assertAwsValue('roleArn', pair.roleArn);
  // assertAwsValue has matched ROLE_ARN, so exec cannot return null here.
  const role = ROLE_ARN.exec(pair.roleArn)!;
  const provider = SAML_PROVIDER_ARN.exec(pair.providerArn);
  if (!provider) {
    return invalid(
      `roles[${i}].providerArn is not a SAML provider ARN`,
      'a SAML provider ARN looks like arn:aws:iam::123456789012:saml-provider/Name',
    );
  }
  if (role[1] !== provider[1] || role[2] !== provider[2]) {
    return invalid(
      `roles[${i}]: role and SAML provider differ in partition or account`,
      'a role and its SAML provider must be in the same AWS account and partition',
    );
  }
  return { partition: role[1] as Partition, value: `${pair.roleArn},${pair.providerArn}` };
}

/**
 * Validates 1–{@link MAX_ROLE_PAIRS} pairs and returns the partition they share and one
 * `roleArn,providerArn` AttributeValue per pair (role first, as in STS's RoleArn,PrincipalArn).
 * Throws `SAML_ATTRIBUTE_INVALID` for unsafe characters (any `,` inside an ARN included) and
 * `AWS_VALUE_INVALID` for a malformed ARN, a role and provider in different accounts or partitions,
 * pairs spanning partitions (one Response goes to one partition's sign-in endpoint), or duplicates.
 */
export function roleAttributeValues(roles: readonly AwsRolePair[]): {
  partition: Partition;
  values: string[];
} {
  if (!Array.isArray(roles) || roles.length === 0 || roles.length > MAX_ROLE_PAIRS) {
    return invalid(
      `roles: expected 1–${MAX_ROLE_PAIRS} pairs`,
      `an assertion for AWS must name 1–${MAX_ROLE_PAIRS} role/provider pairs`,
    );
  }
  const checked = roles.map(checkPair);
  const partition = checked[0]!.partition;
  if (checked.some((c) => c.partition !== partition)) {
    invalid('roles span partitions', 'all roles in one sign-in must be in the same AWS partition');
  }
  const values = checked.map((c) => c.value);
  if (new Set(values).size !== values.length) {
    invalid('roles contain a duplicate pair', 'the same role/provider pair is listed twice');
  }
  return { partition, values };
}
