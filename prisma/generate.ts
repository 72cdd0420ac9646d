/**
 * Generates one Prisma client per SQL dialect from the single prisma/schema.prisma.
 * Prisma's `provider` cannot be read from the environment, so the PostgreSQL variant is derived here by
 * swapping the provider and output lines; nothing else may differ between the dialects.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const source = readFileSync(path.join(root, 'prisma/schema.prisma'), 'utf8');
const outDir = path.join(root, 'node_modules/.rolegate-prisma');
mkdirSync(outDir, { recursive: true });

function variant(dialect: 'sqlite' | 'postgresql'): string {
  const text = source
    .replace('provider = "sqlite"', `provider = "${dialect}"`)
    .replace('output   = "../lib/db/generated/sqlite"', `output   = "${path.join(root, 'lib/db/generated', dialect)}"`);
  if (!text.includes(`provider = "${dialect}"`)) throw new Error(`could not derive the ${dialect} schema`);
  const file = path.join(outDir, `schema.${dialect}.prisma`);
  writeFileSync(file, text);
  return file;
}

for (const dialect of ['sqlite', 'postgresql'] as const) {
  execFileSync(process.execPath, [path.join(root, 'node_modules/prisma/build/index.js'), 'generate', '--schema', variant(dialect)], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: path.join(root, 'prisma/offline-schema-engine.sh'),
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1',
    },
  });
}
console.log('prisma: generated clients for sqlite and postgresql');
