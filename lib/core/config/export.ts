/**
 * Config as code, the export half (issue 5 §2): the live config as YAML in the config file's own format,
 * with every default written out, so that the file can be kept in git and reviewed. The config holds no
 * secrets by design — client secrets, encryption keys and IAM keys live in the environment — so nothing
 * needs removing; `roles` (derived from `accounts`) is left out because the file never has it.
 */
import { stringify } from 'yaml';
import type { RolegateConfig } from './parse';

export function exportConfigYaml(config: RolegateConfig, header: { at: Date; by: string }): string {
  const { roles: _derived, ...document } = config;
  // Keys sorted: the same config always exports to the same bytes, so a diff in git is a real change.
  const body = stringify(JSON.parse(JSON.stringify(document)) as unknown, { lineWidth: 0, sortMapEntries: true });
  return `# Rolegate config exported ${header.at.toISOString()} by ${header.by.replace(/[\r\n]/g, ' ')}.\n# Secrets are never part of the config: they stay in the environment (see the README).\n${body}`;
}
