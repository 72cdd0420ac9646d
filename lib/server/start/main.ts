/**
 * `npm start`: Rolegate in production, on the build from `npm run build`. Takes `next start`'s options
 * (options.ts) plus ROLEGATE_TRUSTED_PROXY_HOPS from the environment, which it checks before anything
 * listens. The demo, the Playwright suite and the benchmark start Rolegate through this file too.
 */
import { defaultNodeEnvToProduction, getEnv, setNextSelfOrigin } from '../../config/env';
import { GatewayError } from '../../core/errors';
import { createLogger } from '../create-logger';
import { routeConsoleToPino } from './console-to-pino';
import { localUrl, parseStartOptions } from './options';
import { preflight } from './preflight';

async function main(): Promise<void> {
  process.title = 'rolegate'; // what ps and /proc/<pid>/cmdline show (`next start` shows next-server)
  defaultNodeEnvToProduction();
  const env = getEnv();
  const opts = parseStartOptions(process.argv.slice(2), env.PORT, process.cwd());
  const log = createLogger(env.LOG_LEVEL);
  // samlify and Next.js write to console: as pino lines, like the rest of the log.
  routeConsoleToPino(log);
  const url = localUrl(opts);
  setNextSelfOrigin(url);
  // Before anything listens: migrations, the config file and the live revision. A problem stops the start.
  await preflight(env, opts.dir, log);
  // Loaded after NODE_ENV is settled: Next and React choose their builds when they load.
  const { serve } = await import('./serve');
  const running = await serve({ ...opts, trustedProxyHops: env.ROLEGATE_TRUSTED_PROXY_HOPS }, log);
  log.info({ url, trustedProxyHops: env.ROLEGATE_TRUSTED_PROXY_HOPS }, 'rolegate is listening');
  // Exit codes as `next start`: 128 + the signal's number.
  const stop = (code: number) => () => void running.close().finally(() => process.exit(code));
  process.once('SIGINT', stop(130));
  process.once('SIGTERM', stop(143));
}

main().catch((err: unknown) => {
  const detail = err instanceof GatewayError ? err.message : err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  // For the person starting it, unscrubbed: console may already be routed to the log.
  process.stderr.write(`rolegate: cannot start: ${detail}\n`);
  process.exit(1);
});
