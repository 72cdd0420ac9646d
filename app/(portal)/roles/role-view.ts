import type { RoleView } from '@/lib/core/picker/catalogue';
import type { Credentials } from '@/lib/core/types';

export type { AccountGroup, RoleView } from '@/lib/core/picker/catalogue';

/** Successful body of `POST /api/aws/credentials`. */
export interface IssuedKeys {
  credentials: Credentials;
  role: { id: string; arn: string; region: string; accountAlias: string; roleName: string };
}

export interface RoleErrorView {
  code: string;
  message: string;
}

/** Console destinations offered per role; '' is the console home page. */
export const CONSOLE_SERVICES = [
  ['', 'Console home'],
  ['s3', 'S3'],
  ['ec2', 'EC2'],
  ['iam', 'IAM'],
  ['cloudwatch', 'CloudWatch'],
  ['lambda', 'Lambda'],
] as const;

/** 3600 → "1 h", 5400 → "1 h 30 min", 900 → "15 min". */
export function formatDuration(seconds: number): string {
  const minutes = Math.max(0, Math.round(seconds / 60));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** The suffix used in test ids and labels: `<accountAlias>-<roleName>`. */
export function roleSlug(role: Pick<RoleView, 'accountAlias' | 'roleName'>): string {
  return `${role.accountAlias}-${role.roleName}`;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The listed keys of `v` when every one of them is a string; otherwise null. Other keys are dropped. */
function pickStrings<K extends string>(v: unknown, keys: readonly K[]): Record<K, string> | null {
  if (!isRecord(v)) return null;
  const entries = keys.map((k) => [k, v[k]] as const);
  if (!entries.every(([, value]) => typeof value === 'string')) return null;
  return Object.fromEntries(entries) as Record<K, string>;
}

const NETWORK_ERROR: RoleErrorView = {
  code: 'NETWORK',
  message: 'Rolegate could not be reached. Check your connection and try again.',
};

/** Asks the server for temporary keys for one role. Never throws; failures come back as a RoleErrorView. */
export async function requestKeys(roleId: string): Promise<IssuedKeys | RoleErrorView> {
  try {
    const res = await fetch('/api/aws/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ roleId }),
      cache: 'no-store',
    });
    const body: unknown = await res.json().catch(() => null);
    return parseKeysResponse(body);
  } catch {
    return NETWORK_ERROR;
  }
}

/** Narrows the JSON of `POST /api/aws/credentials` without trusting its shape. */
export function parseKeysResponse(body: unknown): IssuedKeys | RoleErrorView {
  if (isRecord(body) && isRecord(body.error)) {
    const { code, message, detail } = body.error;
    const text = typeof message === 'string' ? message : 'Something went wrong.';
    return {
      code: typeof code === 'string' ? code : 'INTERNAL',
      message: typeof detail === 'string' && detail ? `${text} (${detail})` : text,
    };
  }
  if (isRecord(body)) {
    const credentials = pickStrings(body.credentials, [
      'accessKeyId',
      'secretAccessKey',
      'sessionToken',
      'expiration',
    ]);
    const role = pickStrings(body.role, ['id', 'arn', 'region', 'accountAlias', 'roleName']);
    if (credentials && role) return { credentials, role };
  }
  return {
    code: 'INTERNAL',
    message: 'Rolegate answered with something unexpected. Please try again.',
  };
}
