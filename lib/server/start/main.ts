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

/** How long a stop waits for requests in flight (under Kubernetes' default 30 s grace period). */
const SHUTDOWN_TIMEOUT_MS = 25_000;

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
  // SIGTERM (an orchestrator's stop) drains and exits 0; Ctrl-C drains and exits 130 as a shell expects.
  // A drain that does not finish within the bound exits 1 (README "Stopping").
  const stop = (signal: NodeJS.Signals, code: number) => () => {
    log.info({ signal, timeoutMs: SHUTDOWN_TIMEOUT_MS }, 'rolegate is stopping: finishing requests in flight');
    void running.close(SHUTDOWN_TIMEOUT_MS).then(
      (result) => {
        if (result === 'timeout') log.error({ timeoutMs: SHUTDOWN_TIMEOUT_MS }, 'requests still running at the stop bound were cut');
        else log.info({ signal }, 'rolegate stopped');
        process.exit(result === 'timeout' ? 1 : code);
      },
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop('SIGINT', 130));
  process.once('SIGTERM', stop('SIGTERM', 0));
}

main().catch((err: unknown) => {
  const detail = err instanceof GatewayError ? err.message : err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  // For the person starting it, unscrubbed: console may already be routed to the log.
  process.stderr.write(`rolegate: cannot start: ${detail}\n`);
  process.exit(1);
});
