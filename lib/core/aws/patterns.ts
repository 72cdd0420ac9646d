/**
 * The value rules AWS applies to what Rolegate templates into assertions, tokens and STS calls.
 * Every AWS-bound value is checked against these before it is used (AWS-FACTS §0.3), so a bad value
 * fails here with a clear code instead of as an opaque `InvalidIdentityToken` from AWS.
 *
 * Sources: [STS] botocore `data/sts/2011-06-15/service-2.json`; [UG] IAM User Guide pages named per
 * constant.
 */
import { GatewayError } from '../errors';
import type { Partition } from '../types';

/**
 * RoleSessionName: 2–64 of `[\w+=,.@-]` ([STS] `roleSessionNameType`; SAML attribute per [UG
 * troubleshoot_saml]: "must match [a-zA-Z_0-9+=,.@-]{2,64}"). No `u` flag: `\w` stays ASCII, as AWS
 * means it.
 */
export const ROLE_SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

/**
 * SourceIdentity: same shape as RoleSessionName ([STS] `sourceIdentityType`); `aws:` prefix
 * reserved.
 */
export const SOURCE_IDENTITY = /^[\w+=,.@-]{2,64}$/;

/**
 * Session tag key: 1–128 of `[\p{L}\p{Z}\p{N}_.:/=+\-@]` ([STS] `tagKeyType`; [UG
 * id_session-tags]).
 */
export const SESSION_TAG_KEY = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u;

/** Session tag value: 0–256 of the same class ([STS] `tagValueType`). */
export const SESSION_TAG_VALUE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{0,256}$/u;

/**
 * Prefix AWS reserves for SourceIdentity values and tag keys ([STS] SourceIdentity doc; [UG
 * id_tags]).
 */
export const RESERVED_PREFIX = /^aws:/i;

/**
 * DurationSeconds for AssumeRoleWith* and console SessionDuration ([STS]
 * `roleDurationSecondsType`).
 */
export const DURATION_SECONDS = { min: 900, max: 43200 } as const;

/** AWS account id: exactly 12 digits ([STS] `accountType` in ARNs; IAM ARN format). */
export const ACCOUNT_ID = /^\d{12}$/;

/**
 * IAM role ARN in one of the three supported partitions:
 * `arn:<partition>:iam::<account>:role/<path/><name>`. Path segments are `[\x21-\x7e]` (IAM
 * `pathType`, ≤ 512); name is 1–64 of `[\w+=,.@-]` (IAM `roleNameType`). [STS] `arnType` allows 20–2048
 * characters; this pattern itself bounds a match to 32–613, so no separate length check is needed.
 */
export const ROLE_ARN =
  /^arn:(aws|aws-us-gov|aws-cn):iam::(\d{12}):role\/(?:[\x21-\x7e]{1,510}\/)?([\w+=,.@-]{1,64})$/;

/**
 * Region names per partition (docs.aws.amazon.com/general/latest/gr/rande.html naming:
 * `<geo>-<area>-<n>`).
 */
export const REGION_BY_PARTITION: Readonly<Record<Partition, RegExp>> = {
  aws: /^(?!cn-)[a-z]{2}-[a-z]+-\d{1,2}$/,
  'aws-us-gov': /^us-gov-[a-z]+-\d{1,2}$/,
  'aws-cn': /^cn-[a-z]+-\d{1,2}$/,
};

/** Kinds of value {@link assertAwsValue} knows. */
export type AwsValueKind =
  | 'roleSessionName'
  | 'sourceIdentity'
  | 'sessionTagKey'
  | 'sessionTagValue'
  | 'durationSeconds'
  | 'accountId'
  | 'roleArn'
  | 'region';

/** What the user is told per kind (never the value itself: it may come from an IdP claim). */
const RULE_TEXT: Record<AwsValueKind, string> = {
  roleSessionName: 'RoleSessionName must be 2–64 characters of letters, digits and +=,.@_-',
  sourceIdentity:
    'SourceIdentity must be 2–64 characters of letters, digits and +=,.@_- and not start with aws:',
  sessionTagKey:
    'a session tag key must be 1–128 letters, digits, spaces or _.:/=+-@ and not start with aws:',
  sessionTagValue: 'a session tag value must be at most 256 letters, digits, spaces or _.:/=+-@',
  durationSeconds:
    'a session duration must be a whole number of seconds from ' +
    `${DURATION_SECONDS.min} to ${DURATION_SECONDS.max}`,
  accountId: 'an AWS account id is 12 digits',
  roleArn:
    'a role ARN looks like arn:aws:iam::123456789012:role/Name (aws, aws-us-gov or aws-cn)',
  region: 'not an AWS region name (e.g. eu-west-1, us-gov-west-1, cn-north-1)',
};

/**
 * True when `value` is acceptable to AWS as `kind`. Regions are checked against every supported
 * partition.
 */
export function isAwsValue(kind: AwsValueKind, value: string | number): boolean {
  if (kind === 'durationSeconds') {
    return (
      // Stryker disable next-line ConditionalExpression: Number.isInteger is false for every non-number; the typeof only narrows the type
      typeof value === 'number' &&
      Number.isInteger(value) &&
      value >= DURATION_SECONDS.min &&
      value <= DURATION_SECONDS.max
    );
  }
  if (typeof value !== 'string') return false;
  switch (kind) {
    // Stryker disable next-line ConditionalExpression: falling through adds the aws: prefix check, which never matches a value without ':'
    case 'roleSessionName':
      return ROLE_SESSION_NAME.test(value);
    case 'sourceIdentity':
      return SOURCE_IDENTITY.test(value) && !RESERVED_PREFIX.test(value);
    case 'sessionTagKey':
      return SESSION_TAG_KEY.test(value) && !RESERVED_PREFIX.test(value);
    case 'sessionTagValue':
      return SESSION_TAG_VALUE.test(value);
    case 'accountId':
      return ACCOUNT_ID.test(value);
    case 'roleArn':
      return ROLE_ARN.test(value);
    case 'region':
      return Object.values(REGION_BY_PARTITION).some((re) => re.test(value));
  }
}

/**
 * Throws `AWS_VALUE_INVALID` (public detail names the rule, never the value) unless `value` is
 * acceptable to AWS as `kind`. Call it before templating a value into a SAML assertion, an ID token
 * or an STS request.
 */
export function assertAwsValue(kind: AwsValueKind, value: string | number): void {
  if (!isAwsValue(kind, value)) {
    const shown = JSON.stringify(value).slice(0, 100);
    throw new GatewayError('AWS_VALUE_INVALID', `invalid ${kind}: ${shown}`, {
      publicDetail: RULE_TEXT[kind],
    });
  }
}

/**
 * Throws `AWS_VALUE_INVALID` unless `region` is a region name of `partition` (e.g. no `eu-west-1`
 * in aws-cn).
 */
export function assertRegionInPartition(partition: Partition, region: string): void {
  if (!REGION_BY_PARTITION[partition].test(region)) {
    const shown = JSON.stringify(region).slice(0, 40);
    throw new GatewayError('AWS_VALUE_INVALID', `region ${shown} not in ${partition}`, {
      publicDetail: `${RULE_TEXT.region}; it must belong to the ${partition} partition`,
    });
  }
}
