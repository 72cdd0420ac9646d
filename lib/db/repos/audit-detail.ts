/**
 * The free-form `detail` of an audit event, stored as JSON text. The ledger must never hold a credential,
 * so detail is checked before it is written: keys that name a secret and values shaped like a token or a
 * private key are refused, and the size is capped.
 */
import { GatewayError } from '../../core/errors';

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type AuditDetail = { [key: string]: JsonValue };

const MAX_DETAIL_CHARS = 8_192;
const SECRET_KEY =
  /secret|password|passwd|token|credential|private.?key|assertion|cookie|authorization|signin.?url/i;
const SECRET_VALUE = [
  /^eyJ[\w-]*\.eyJ[\w-]*\.[\w-]*$/, // a JWT / JWS compact serialisation
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  /[?&]SigninToken=/i, // an AWS console sign-in URL
];

export function serializeAuditDetail(detail: AuditDetail): string {
  checkSecrets(detail, 'detail');
  const text = JSON.stringify(detail);
  if (text.length > MAX_DETAIL_CHARS) {
    throw new GatewayError(
      'INTERNAL',
      `audit detail is ${text.length} chars; the limit is ${MAX_DETAIL_CHARS}`,
    );
  }
  return text;
}

function checkSecrets(value: JsonValue, path: string): void {
  if (typeof value === 'string' && SECRET_VALUE.some((re) => re.test(value))) {
    throw refuse(path);
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => checkSecrets(item, `${path}[${i}]`));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (SECRET_KEY.test(key)) throw refuse(`${path}.${key}`);
      checkSecrets(item, `${path}.${key}`);
    }
  }
}

function refuse(path: string): GatewayError {
  return new GatewayError(
    'INTERNAL',
    `audit ${path} looks like a secret; the audit ledger never stores secrets`,
  );
}

export function parseAuditDetail(text: string | null): AuditDetail | undefined {
  if (text === null) return undefined;
  try {
    const json: unknown = JSON.parse(text);
    if (typeof json === 'object' && json !== null && !Array.isArray(json))
      return json as AuditDetail;
  } catch {
    // fall through: a detail that does not parse is kept visible rather than hidden
  }
  return { unparsed: text };
}
