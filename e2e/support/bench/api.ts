/** API half of the benchmark: sequential calls with the signed-in page's cookies. */
import type { APIRequestContext } from '@playwright/test';
import { timed } from './stats';

export interface ApiRun {
  samples: number[];
  /** Wall time of the whole loop, for throughput. */
  totalMs: number;
}

async function loop(n: number, call: () => Promise<void>): Promise<ApiRun> {
  const samples: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < n; i++) samples.push(await timed(call));
  return { samples, totalMs: performance.now() - t0 };
}

/** POST /api/aws/credentials (JSON) n times; every answer must carry an access key id. */
export function timeCredentials(request: APIRequestContext, appUrl: string, roleId: string, n: number): Promise<ApiRun> {
  const origin = new URL(appUrl).origin;
  return loop(n, async () => {
    const res = await request.post(`${origin}/api/aws/credentials`, { data: { roleId }, headers: { Origin: origin } });
    const text = await res.text();
    if (res.status() !== 200 || !text.includes('"accessKeyId"')) {
      throw new Error(`POST /api/aws/credentials answered ${res.status()}: ${text.slice(0, 200)}`);
    }
  });
}

/** POST /api/aws/console (form) n times without following the redirect; every answer must be a 303. */
export function timeConsole(request: APIRequestContext, appUrl: string, roleId: string, n: number): Promise<ApiRun> {
  const origin = new URL(appUrl).origin;
  return loop(n, async () => {
    const res = await request.post(`${origin}/api/aws/console`, { form: { roleId }, headers: { Origin: origin }, maxRedirects: 0 });
    const ok = res.status() === 303 && Boolean(res.headers()['location']);
    const status = res.status();
    await res.dispose();
    if (!ok) throw new Error(`POST /api/aws/console answered ${status} (expected 303 with a Location)`);
  });
}
