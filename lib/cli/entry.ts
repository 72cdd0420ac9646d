/**
 * The bundle's entry point (lib/cli/build.cjs → dist/rolegate.cjs): builds the real context and
 * runs the command. Output goes through process.stdout/stderr writes; the exit code is set, not
 * forced, so pending writes drain before Node exits.
 */
import { openInBrowser } from './browser';
import type { CliContext } from './context';
import { cliEnv } from './env';
import { run } from './main';

// The CLI is its own program with its own environment (XDG dirs, ROLEGATE_SERVER, AWS_CONFIG_FILE);
// this is the one place it is read. lib/config/env.ts is the server's and requires server secrets.
// eslint-disable-next-line no-restricted-properties
const env = cliEnv(process.env);

const ctx: CliContext = {
  env,
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
  openUrl: (url) => openInBrowser(url, process.platform, env.hasDisplay),
  self: { node: process.execPath, script: __filename },
  platform: process.platform,
};

run(process.argv.slice(2), ctx).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`rolegate: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
