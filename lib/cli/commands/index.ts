import type { Command } from './command';
import { configure } from './configure';
import { consoleCommand } from './console';
import { credentialProcess } from './credential-process';
import { credentials } from './credentials';
import { decodeMessage } from './decode-message';
import { login } from './login';
import { logout } from './logout';
import { roles } from './roles';
import { star, unstar } from './star';
import { whoami } from './whoami';

export type { Command } from './command';

export const COMMANDS: Readonly<Record<string, Command>> = {
  login,
  logout,
  whoami,
  roles,
  star,
  unstar,
  credentials,
  'credential-process': credentialProcess,
  configure,
  console: consoleCommand,
  'decode-message': decodeMessage,
};
