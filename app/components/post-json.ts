/**
 * POSTs JSON to one of Rolegate's own routes; never throws. The server decides everything: this only reports
 * its answer — the body when accepted, otherwise the refusal's code, message and detail.
 */
export interface ApiRefusal {
  code: string;
  message: string;
  detail?: string;
}

export type PostResult = { ok: true; body: unknown } | { ok: false; refusal: ApiRefusal };

/** A refusal shown as one line: the message with its detail in brackets. */
export interface PostError {
  code: string;
  message: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export async function postJsonFor(url: string, body: object): Promise<PostResult> {
  return sendJson('POST', url, body);
}

/** Like postJsonFor with any method; a body only when given (PUT and DELETE of /api/v1/favourites send none). */
export async function sendJson(method: 'POST' | 'PUT' | 'DELETE', url: string, body?: object): Promise<PostResult> {
  try {
    const res = await fetch(url, { method, ...(body ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}), cache: 'no-store' });
    const json: unknown = await res.json().catch(() => null);
    if (res.ok) return { ok: true, body: json };
    const err = isRecord(json) && isRecord(json.error) ? json.error : {};
    return {
      ok: false,
      refusal: {
        code: typeof err.code === 'string' ? err.code : 'INTERNAL',
        message: typeof err.message === 'string' ? err.message : 'Something went wrong.',
        ...(typeof err.detail === 'string' ? { detail: err.detail } : {}),
      },
    };
  } catch {
    return { ok: false, refusal: { code: 'NETWORK', message: 'Rolegate could not be reached.' } };
  }
}

/** null when accepted; otherwise the refusal with its detail folded into the message. */
export async function postJson(url: string, body: object): Promise<PostError | null> {
  const result = await postJsonFor(url, body);
  if (result.ok) return null;
  const { code, message, detail } = result.refusal;
  return { code, message: detail !== undefined ? `${message} (${detail})` : message };
}

/** The most specific text of a refusal: the detail when the server gave one, else the message. */
export const refusalText = (r: ApiRefusal): string => r.detail ?? r.message;
