/**
 * Encoded authorization failure messages: what a service appends to a denial ("Encoded authorization
 * failure message: …") and sts:DecodeAuthorizationMessage turns back into AWS's JSON document. AWS's
 * encoding is opaque; the emulator seals the document with AES-256-GCM under a key only it holds, so only
 * messages it produced decode and any changed character fails the authentication tag.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AwsError } from './aws-error';

/** The denied request, as the decoded message describes it. */
export interface DeniedRequest {
  /** The account whose policies denied the request; only its principals may decode the message. */
  account: string;
  principal: { id: string; arn: string };
  action: string;
  resource: string;
  /** Condition keys and their values in the request's context. */
  conditions: { key: string; values: string[] }[];
}

/** The decoded message in AWS's shape (`allowed`, `explicitDeny`, `matchedStatements`, `failures`, `context`). */
export function decisionDocument(denied: DeniedRequest): Record<string, unknown> {
  return {
    allowed: false,
    explicitDeny: false,
    matchedStatements: { items: [] },
    failures: { items: [] },
    context: {
      principal: denied.principal,
      action: denied.action,
      resource: denied.resource,
      conditions: {
        items: denied.conditions.map((c) => ({
          key: c.key,
          values: { items: c.values.map((value) => ({ value })) },
        })),
      },
    },
  };
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** The STS model's limit on EncodedMessage. */
export const MAX_ENCODED_LENGTH = 10240;
const INVALID_MESSAGE = 'The encoded authorization message is invalid.';

interface Sealed {
  account: string;
  document: Record<string, unknown>;
}

export class AuthorizationMessages {
  private readonly key = randomBytes(32);

  /** Seals the denial into a URL-safe base64 string, like the messages AWS services return. */
  encode(denied: DeniedRequest): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed: Sealed = { account: denied.account, document: decisionDocument(denied) };
    const body = Buffer.concat([cipher.update(JSON.stringify(sealed), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /**
   * The decoded JSON document for a caller in `callerAccount`. Anything the emulator did not seal, a
   * changed or truncated message, or another account's message is InvalidAuthorizationMessageException.
   */
  decode(encoded: string, callerAccount: string): string {
    const sealed = this.open(encoded);
    if (sealed?.account !== callerAccount) {
      throw new AwsError('InvalidAuthorizationMessageException', INVALID_MESSAGE);
    }
    return JSON.stringify(sealed.document);
  }

  private open(encoded: string): Sealed | undefined {
    // Strict alphabet: Buffer.from(…, 'base64url') would silently skip line breaks and other junk.
    if (!/^[\w-]+$/.test(encoded)) return undefined;
    const raw = Buffer.from(encoded, 'base64url');
    if (raw.length <= IV_BYTES + TAG_BYTES) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      const body = raw.subarray(IV_BYTES + TAG_BYTES);
      const text = Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
      return JSON.parse(text) as Sealed;
    } catch {
      return undefined; // wrong key or a changed byte: the tag does not verify
    }
  }
}
