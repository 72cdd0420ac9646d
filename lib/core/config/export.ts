/**
 * Config as code, the export half (issue 5 §2): the live config as YAML in the config file's own format,
 * with every default written out, so that the file can be kept in git and reviewed. The config holds no
 * secrets by design — client secrets, encryption keys and IAM keys live in the environment — so nothing
 * needs removing; `roles` (derived from `accounts`) is left out because the file never has it.
 */
import { configDocument, documentYaml } from './edit';
import type { RolegateConfig } from './parse';

export function exportConfigYaml(config: RolegateConfig, header: { at: Date; by: string }): string {
  return `# Rolegate config exported ${header.at.toISOString()} by ${header.by.replace(/[\r\n]/g, ' ')}.\n# Secrets are never part of the config: they stay in the environment (see the README).\n${documentYaml(configDocument(config))}`;
}
