/** Which Rolegate server to talk to: --server, then ROLEGATE_SERVER, then the one saved at login. */
import type { CliContext } from './context';
import { isRecord, readJson, writeFileAtomic } from './files';
import { configFile } from './paths';
import { CliError, EXIT, usage } from './errors';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * `https://host[:port][/prefix]` without a trailing slash. Plain http only for loopback hosts:
 * bearer and refresh tokens must not cross a network in clear text.
 */
export function normalizeServer(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw usage(`--server: "${raw}" is not a URL`);
  }
  const loopback = LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw usage('--server must be an https URL (http is accepted for localhost only)');
  }
  if (url.username || url.password || url.search || url.hash) {
    throw usage('--server must not contain credentials, a query or a fragment');
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export function savedServer(ctx: Pick<CliContext, 'env'>): string | undefined {
  const saved = readJson(configFile(ctx.env));
  return isRecord(saved) && typeof saved.server === 'string' ? saved.server : undefined;
}

export function saveServer(ctx: Pick<CliContext, 'env'>, server: string): void {
  writeFileAtomic(configFile(ctx.env), `${JSON.stringify({ server }, null, 2)}\n`);
}

/**
 * The server for a command. With none anywhere, `login` was called without `--server` (a bad command
 * line, 64); every other command is simply not logged in yet (2, as `rolegate --help` says), which is
 * what an AWS SDK running `credential_process` needs to tell apart from a broken command.
 */
export function resolveServer(ctx: CliContext, flag: string | undefined, forLogin = false): string {
  const raw = flag ?? ctx.env.server ?? savedServer(ctx);
  if (raw === undefined) {
    const message = 'no server: run "rolegate login --server URL" or set ROLEGATE_SERVER';
    throw forLogin ? usage(message) : new CliError('UNAUTHENTICATED', EXIT.LOGIN_REQUIRED, message);
  }
  return normalizeServer(raw);
}
