import fs from 'node:fs';

import { isAwsValue } from '../../core/aws/patterns';
import { parseRoles, type RoleSummary } from '../api-types';
import { SERVER_OPTION, parseCommand } from '../args';
import {
  detectEol,
  profilesOutsideBlock,
  renderBlock,
  replaceBlock,
  type ProfileSpec,
} from '../aws-config';
import type { CliContext } from '../context';
import { unifiedDiff } from '../diff';
import { EXIT } from '../errors';
import { readText, writeFileAtomic } from '../files';
import { credentialProcessLine } from '../process-command';
import { resolveServer } from '../server';
import { authedJson } from '../session';
import type { Command } from './command';

/** What the AWS CLI and SDKs read alike in `[profile …]` (same rule as lib/core's INI profiles). */
const PROFILE_NAME = /^[\w.+@-]{1,64}$/;

/** Profiles to write; roles that cannot be written are reported and left out. */
function plan(
  ctx: CliContext,
  server: string,
  roles: RoleSummary[],
  taken: Set<string>,
): ProfileSpec[] {
  const specs: ProfileSpec[] = [];
  for (const role of roles) {
    const name = role.profile;
    let skip: string | undefined;
    if (!PROFILE_NAME.test(name)) skip = 'its name is not a valid profile name';
    else if (!isAwsValue('region', role.region)) skip = 'its region is not a region name';
    else if (taken.has(name)) skip = 'a profile of that name exists outside the rolegate block';
    else if (specs.some((s) => s.name === name)) skip = 'two roles have that profile name';
    if (skip) {
      ctx.err(`rolegate: skipped profile ${JSON.stringify(name)} (${role.id}): ${skip}\n`);
      continue;
    }
    const credentialProcess = credentialProcessLine(ctx.self, role.id, server, ctx.platform);
    specs.push({ name, region: role.region, credentialProcess });
  }
  return specs;
}

/** Writes through a symlink (dotfile managers) instead of replacing it with a copy. */
function realTarget(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

function existingMode(file: string): number {
  try {
    return fs.statSync(file).mode & 0o777;
  } catch {
    return 0o600;
  }
}

export const configure: Command = {
  usage: 'rolegate configure [--dry-run] [--server URL]',
  summary: 'Write one ~/.aws/config profile per role (AWS_CONFIG_FILE honoured)',
  async run(ctx, argv) {
    const { values } = parseCommand(argv, { ...SERVER_OPTION, 'dry-run': { type: 'boolean' } });
    const server = resolveServer(ctx, values.server);
    const roles = parseRoles(await authedJson(ctx, server, 'roles'));
    const file = ctx.env.awsConfigFile;
    const target = realTarget(file);
    const before = readText(target) ?? '';
    const profiles = plan(ctx, server, roles, profilesOutsideBlock(before, file));
    const after = replaceBlock(before, renderBlock(server, profiles, detectEol(before)), file);
    if (values['dry-run']) {
      const diff = unifiedDiff(before, after, file);
      if (diff) ctx.out(diff);
      else ctx.err(`No changes to ${file}.\n`);
      return EXIT.OK;
    }
    const names =
      profiles
        .map((p) => p.name)
        .sort()
        .join(', ') || 'none';
    if (after === before) {
      ctx.err(`${file} is up to date (profiles: ${names}).\n`);
      return EXIT.OK;
    }
    writeFileAtomic(target, after, existingMode(target));
    ctx.err(`Wrote ${profiles.length} profile(s) to ${file}: ${names}\n`);
    return EXIT.OK;
  },
};
