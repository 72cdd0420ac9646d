/** `rolegate <command> …`: dispatch, and the one place errors become messages and exit codes. */
import { isGatewayError } from '../core/errors';
import { COMMANDS } from './commands';
import type { CliContext } from './context';
import { CliError, EXIT, usage } from './errors';
import { helpText } from './help';

export const VERSION = '0.1.0';

function report(ctx: CliContext, e: unknown): number {
  if (e instanceof CliError) {
    ctx.err(`rolegate: ${e.message}\n`);
    return e.exitCode;
  }
  if (isGatewayError(e)) {
    // e.g. AWS_VALUE_INVALID from a formatter: the public detail names the field, never a secret
    ctx.err(`rolegate: ${e.publicDetail ?? e.message} [${e.code}]\n`);
    return EXIT.FAILURE;
  }
  ctx.err(
    `rolegate: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
  );
  return EXIT.FAILURE;
}

export async function run(argv: readonly string[], ctx: CliContext): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined) {
      ctx.err(helpText());
      return EXIT.USAGE;
    }
    if (name === '--help' || name === '-h' || name === 'help') {
      ctx.out(helpText());
      return EXIT.OK;
    }
    if (name === '--version') {
      ctx.out(`rolegate ${VERSION}\n`);
      return EXIT.OK;
    }
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) throw usage(`unknown command "${name}"`);
    if (rest.includes('--help') || rest.includes('-h')) {
      ctx.out(`usage: ${command.usage}\n\n${command.summary}.\n`);
      return EXIT.OK;
    }
    return await command.run(ctx, rest);
  } catch (e) {
    return report(ctx, e);
  }
}
