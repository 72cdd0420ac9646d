/**
 * Session tags and source identity carried in the web identity token (AWS-FACTS §1.1, §1.3):
 *   "https://aws.amazon.com/tags": { "principal_tags": { "K": ["v"] }, "transitive_tag_keys": ["K"] }
 *   "https://aws.amazon.com/source_identity": "alice"
 * The values come from the token, so a bad value is reported as InvalidIdentityToken (400).
 */
import type { JWTPayload } from 'jose';
import { AwsError } from './aws-error';
import type { SessionTag } from './credential-store';
import { SESSION_NAME_PATTERN } from './sts-params';

export const TAGS_CLAIM = 'https://aws.amazon.com/tags';
export const SOURCE_IDENTITY_CLAIM = 'https://aws.amazon.com/source_identity';
export const MAX_SESSION_TAGS = 50;
const TAG_KEY = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u;
const TAG_VALUE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{0,256}$/u;

export interface SessionTags {
  tags: SessionTag[];
  transitiveTagKeys: string[];
}

const invalid = (message: string): AwsError => new AwsError('InvalidIdentityToken', message);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseTag(key: string, raw: unknown): SessionTag {
  if (!TAG_KEY.test(key))
    throw invalid(`Session tag key "${key}" must match [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{1,128}`);
  if (key.toLowerCase().startsWith('aws:'))
    throw invalid(`Session tag key "${key}" must not start with "aws:"`);
  // AWS takes one value per key, written as a one-element array.
  const value = Array.isArray(raw) && raw.length === 1 ? raw[0] : raw;
  if (typeof value !== 'string')
    throw invalid(`Session tag "${key}" must have exactly one string value`);
  if (!TAG_VALUE.test(value))
    throw invalid(`Session tag "${key}" has an invalid value (0-256 allowed characters)`);
  return { key, value };
}

function parseTransitiveKeys(raw: unknown, tags: SessionTag[]): string[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || !raw.every((k): k is string => typeof k === 'string')) {
    throw invalid('transitive_tag_keys must be an array of strings');
  }
  if (raw.length > MAX_SESSION_TAGS)
    throw invalid(`At most ${MAX_SESSION_TAGS} transitive tag keys are allowed`);
  const known = new Set(tags.map((t) => t.key.toLowerCase()));
  const missing = raw.find((k) => !known.has(k.toLowerCase()));
  if (missing !== undefined) throw invalid(`Transitive tag key "${missing}" is not a session tag`);
  return raw;
}

/** Returns no tags when the claim is absent; throws InvalidIdentityToken when it is malformed. */
export function parseSessionTags(payload: JWTPayload): SessionTags {
  const claim = payload[TAGS_CLAIM];
  if (claim === undefined) return { tags: [], transitiveTagKeys: [] };
  if (!isRecord(claim) || !isRecord(claim['principal_tags'])) {
    throw invalid(`${TAGS_CLAIM} must be an object with a principal_tags object`);
  }
  const entries = Object.entries(claim['principal_tags']);
  if (entries.length > MAX_SESSION_TAGS)
    throw invalid(`At most ${MAX_SESSION_TAGS} session tags are allowed`);
  const tags = entries.map(([key, value]) => parseTag(key, value));
  const seen = new Set<string>();
  for (const { key } of tags) {
    // Tag keys are case-insensitive: "Dept" and "dept" are the same key.
    if (seen.has(key.toLowerCase()))
      throw invalid(`Duplicate session tag key "${key}" (keys are case-insensitive)`);
    seen.add(key.toLowerCase());
  }
  return { tags, transitiveTagKeys: parseTransitiveKeys(claim['transitive_tag_keys'], tags) };
}

export function parseSourceIdentity(payload: JWTPayload): string | undefined {
  const value = payload[SOURCE_IDENTITY_CLAIM];
  if (value === undefined) return undefined;
  if (
    typeof value !== 'string' ||
    value.length < 2 ||
    value.length > 64 ||
    !SESSION_NAME_PATTERN.test(value)
  ) {
    throw invalid('SourceIdentity must be 2-64 characters of [\\w+=,.@-]');
  }
  if (value.toLowerCase().startsWith('aws:'))
    throw invalid('SourceIdentity must not start with "aws:"');
  return value;
}
