/**
 * The AWS attributes of the assertion, validated: Role, RoleSessionName, SessionDuration,
 * PrincipalTag:{Key}, TransitiveTagKeys, SourceIdentity (AWS-FACTS §1.1–1.2; [UG
 * id_roles_providers_create_saml_assertions], [UG id_session-tags]). Every value passes the SAML
 * character guard (`SAML_ATTRIBUTE_INVALID`) and then AWS's own pattern (`AWS_VALUE_INVALID`).
 */
import { GatewayError } from '../../errors';
import { assertAwsValue } from '../../aws/patterns';
import type { Partition } from '../../types';
import { AWS_ATTRIBUTE } from './names';
import { roleAttributeValues, type AwsRolePair } from './roles';
import { assertSamlSafe } from './values';

/** Session tags per session, and transitive keys per session ([STS] `tagListType`, AWS-FACTS §1.1). */
export const MAX_SESSION_TAGS = 50;

/** One `<saml:Attribute>`: its Name and one `<saml:AttributeValue>` per value. */
export interface SamlAttribute {
  name: string;
  values: string[];
}

/** The user-facing part of an AWS assertion, as {@link awsSamlAttributes} takes it. */
export interface AwsAttributeInput {
  roles: readonly AwsRolePair[];
  roleSessionName: string;
  sessionDurationSeconds?: number;
  principalTags?: Readonly<Record<string, string>>;
  transitiveTagKeys?: readonly string[];
  sourceIdentity?: string;
}

function tagError(why: string, publicDetail: string): never {
  throw new GatewayError('AWS_VALUE_INVALID', why, { publicDetail });
}

function principalTagAttributes(tags: Readonly<Record<string, string>>): SamlAttribute[] {
  const entries = Object.entries(tags);
  if (entries.length > MAX_SESSION_TAGS) {
    tagError('too many principal tags', `at most ${MAX_SESSION_TAGS} session tags are allowed`);
  }
  const seen = new Set<string>();
  return entries.map(([key, value], i) => {
    assertSamlSafe(`principalTags key #${i + 1}`, key);
    assertSamlSafe(`principalTags value #${i + 1}`, value);
    assertAwsValue('sessionTagKey', key);
    assertAwsValue('sessionTagValue', value);
    // AWS treats tag keys case-insensitively ([UG id_session-tags]); two spellings would collide.
    if (seen.has(key.toLowerCase())) {
      tagError('duplicate principal tag key', 'two session tag keys differ only in case');
    }
    seen.add(key.toLowerCase());
    return { name: `${AWS_ATTRIBUTE.principalTagPrefix}${key}`, values: [value] };
  });
}

function transitiveKeys(keys: readonly string[], tags: Readonly<Record<string, string>>): string[] {
  const tagKeys = new Set(Object.keys(tags).map((k) => k.toLowerCase()));
  if (keys.length > MAX_SESSION_TAGS) {
    tagError('too many transitive keys', `at most ${MAX_SESSION_TAGS} transitive tag keys`);
  }
  keys.forEach((key, i) => {
    assertSamlSafe(`transitiveTagKeys #${i + 1}`, key);
    assertAwsValue('sessionTagKey', key);
    if (!tagKeys.has(key.toLowerCase())) {
      tagError('transitive key without tag', 'every transitive tag key must be a session tag');
    }
  });
  if (new Set(keys.map((k) => k.toLowerCase())).size !== keys.length) {
    tagError('duplicate transitive key', 'a transitive tag key is listed twice');
  }
  return [...keys];
}

/**
 * Validates the input and returns the partition of its roles and the attributes in document
 * order. SessionDuration (900–43200, console sign-in only), tags, transitive keys and
 * SourceIdentity (2–64, no `aws:` prefix) appear only when given. Throws `SAML_ATTRIBUTE_INVALID` or
 * `AWS_VALUE_INVALID`; never echoes a value in the public detail.
 */
export function awsSamlAttributes(input: AwsAttributeInput): {
  partition: Partition;
  attributes: SamlAttribute[];
} {
  const { partition, values } = roleAttributeValues(input.roles);
  assertSamlSafe('RoleSessionName', input.roleSessionName);
  assertAwsValue('roleSessionName', input.roleSessionName);
  const attributes: SamlAttribute[] = [
    { name: AWS_ATTRIBUTE.role, values },
    { name: AWS_ATTRIBUTE.roleSessionName, values: [input.roleSessionName] },
  ];
  if (input.sessionDurationSeconds !== undefined) {
    assertAwsValue('durationSeconds', input.sessionDurationSeconds);
    attributes.push({
      name: AWS_ATTRIBUTE.sessionDuration,
      values: [String(input.sessionDurationSeconds)],
    });
  }
  const tags = input.principalTags ?? {};
  attributes.push(...principalTagAttributes(tags));
  if (input.transitiveTagKeys && input.transitiveTagKeys.length > 0) {
    const keys = transitiveKeys(input.transitiveTagKeys, tags);
    attributes.push({ name: AWS_ATTRIBUTE.transitiveTagKeys, values: keys });
  }
  if (input.sourceIdentity !== undefined) {
    assertSamlSafe('SourceIdentity', input.sourceIdentity);
    assertAwsValue('sourceIdentity', input.sourceIdentity);
    attributes.push({ name: AWS_ATTRIBUTE.sourceIdentity, values: [input.sourceIdentity] });
  }
  return { partition, attributes };
}
