import type { CliContext } from '../context';

/** One `rolegate <name>` subcommand. `run` returns the exit code or throws a CliError. */
export interface Command {
  /** `rolegate <name> …` synopsis line(s). */
  usage: string;
  summary: string;
  run(ctx: CliContext, argv: string[]): Promise<number>;
}
