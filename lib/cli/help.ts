/** `rolegate --help`. */
import { COMMANDS } from './commands';

const EXIT_CODES = `Exit codes:
  0   success
  1   failure (server or network error, unexpected answer, local file problem)
  2   not logged in, or the login expired or was revoked: run "rolegate login"
  3   the device sign-in was denied in the browser
  4   the device code expired before it was approved
  5   refused by the server for you (no such role, policy denies it)
  64  bad command line`;

const FILES = `Files and environment:
  $XDG_CONFIG_HOME/rolegate/   server URL and tokens (default ~/.config/rolegate; tokens 0600)
  $XDG_CACHE_HOME/rolegate/    credentials per role, reused until 5 min before expiry
                               (default ~/.cache/rolegate; files 0600)
  ROLEGATE_SERVER              server URL, overriding the one saved by login (--server wins)
  AWS_CONFIG_FILE              the AWS config file configure writes (default ~/.aws/config)`;

export function helpText(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const commands = Object.entries(COMMANDS)
    .map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
    .join('\n');
  const usages = Object.values(COMMANDS)
    .map((c) => `  ${c.usage}`)
    .join('\n');
  return (
    `rolegate: AWS credentials through Rolegate\n\nCommands:\n${commands}\n\nUsage:\n${usages}\n\n` +
    `ROLE is a profile name (alias-Role), alias/Role, account/Role or a role ARN.\n\n` +
    `${FILES}\n\n${EXIT_CODES}\n`
  );
}
