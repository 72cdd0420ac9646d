/**
 * The dry run of a config import (issue 5 §2): the submitted YAML is validated exactly as the config file
 * is at start — every problem listed, nothing changed — and compared with the live config.
 */
import { z } from 'zod';
import { diffConfigs, type ConfigChange } from '../../core/config/diff';
import { ConfigError, parseConfigText, type RolegateConfig } from '../../core/config/parse';
import { GatewayError } from '../../core/errors';

export const MAX_CONFIG_BYTES = 1_000_000;
const bodySchema = z.object({ yaml: z.string().min(1).max(MAX_CONFIG_BYTES) }).strict();

export function previewConfigImport(live: RolegateConfig, body: unknown): { changes: ConfigChange[] } {
  const parsed = bodySchema.safeParse(body);
  if (!parsed.success) throw new GatewayError('BAD_REQUEST', 'config preview body', { publicDetail: 'send { "yaml": "<the config file>" } (at most 1 MB)' });
  try {
    return { changes: diffConfigs(live, parseConfigText(parsed.data.yaml, 'import')) };
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    const problems = err.problems.slice(0, 50).map((p) => `${p.path || '(root)'}: ${p.message}`);
    throw new GatewayError('BAD_REQUEST', `config import: ${err.problems.length} problems`, { publicDetail: problems.join('\n') });
  }
}
