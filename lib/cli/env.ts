/**
 * The CLI's environment, read once by entry.ts (the CLI is its own program; the server's
 * lib/config/env.ts requires server secrets). Pure: tests pass their own record.
 */
import os from 'node:os';
import path from 'node:path';

export interface CliEnv {
  /** `$XDG_CONFIG_HOME/rolegate` (default `~/.config/rolegate`): server URL and tokens. */
  configDir: string;
  /** `$XDG_CACHE_HOME/rolegate` (default `~/.cache/rolegate`): per-role credential cache. */
  cacheDir: string;
  /** `ROLEGATE_SERVER`: overrides the server saved by `rolegate login`. */
  server?: string;
  /** `AWS_CONFIG_FILE` (a leading `~/` expanded, as the AWS CLI does) or `~/.aws/config`. */
  awsConfigFile: string;
  /** A graphical session exists (DISPLAY / WAYLAND_DISPLAY), so xdg-open can show a browser. */
  hasDisplay: boolean;
}

type Source = Readonly<Record<string, string | undefined>>;

/** XDG base directories must be absolute; a relative value is ignored (XDG spec). */
function xdgDir(value: string | undefined, fallback: string): string {
  return value && path.isAbsolute(value) ? value : fallback;
}

export function cliEnv(source: Source): CliEnv {
  const home = source.HOME || os.homedir();
  const expand = (p: string): string => (p.startsWith('~/') ? path.join(home, p.slice(2)) : p);
  const configHome = xdgDir(source.XDG_CONFIG_HOME, path.join(home, '.config'));
  const cacheHome = xdgDir(source.XDG_CACHE_HOME, path.join(home, '.cache'));
  return {
    configDir: path.join(configHome, 'rolegate'),
    cacheDir: path.join(cacheHome, 'rolegate'),
    server: source.ROLEGATE_SERVER || undefined,
    awsConfigFile: path.resolve(expand(source.AWS_CONFIG_FILE || '~/.aws/config')),
    hasDisplay: Boolean(source.DISPLAY || source.WAYLAND_DISPLAY),
  };
}
