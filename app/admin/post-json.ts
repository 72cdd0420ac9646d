/** POSTs JSON to an admin route; never throws. The server decides everything: this only reports its answer. */
export interface PostError {
  code: string;
  message: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export async function postJson(url: string, body: object): Promise<PostError | null> {
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), cache: 'no-store' });
    if (res.ok) return null;
    const json: unknown = await res.json().catch(() => null);
    const err = isRecord(json) && isRecord(json.error) ? json.error : {};
    const message = typeof err.message === 'string' ? err.message : 'Something went wrong.';
    return { code: typeof err.code === 'string' ? err.code : 'INTERNAL', message: typeof err.detail === 'string' ? `${message} (${err.detail})` : message };
  } catch {
    return { code: 'NETWORK', message: 'Rolegate could not be reached.' };
  }
}
