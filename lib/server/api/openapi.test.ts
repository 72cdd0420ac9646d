/** public/openapi.yaml stays true to the code: every /api/v1 route is described, every $ref resolves, codes exist. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { CLIENT_SAFE_CODES, type GatewayErrorCode } from '../../core/errors';

const root = path.resolve(import.meta.dirname, '../../..');
const spec = parse(readFileSync(path.join(root, 'public/openapi.yaml'), 'utf8')) as Record<string, unknown>;

function routes(dir: string, prefix: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routes(full, `${prefix}/${name}`);
    return name === 'route.ts' ? [prefix] : [];
  });
}

function refs(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(refs);
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [v] : refs(v)));
}

test('every /api/v1 route has a path in the OpenAPI file and nothing else is described', () => {
  const paths = Object.keys(spec.paths as object).sort();
  assert.deepEqual(paths, routes(path.join(root, 'app/api/v1'), '/api/v1').sort());
});

test('every $ref resolves', () => {
  for (const ref of refs(spec)) {
    const target = ref.replace(/^#\//, '').split('/').reduce<unknown>((n, k) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[k] : undefined), spec);
    assert.ok(target, ref);
  }
});

test('the error codes listed are real, client-safe codes', () => {
  const schemas = (spec.components as { schemas: Record<string, unknown> }).schemas;
  const codes = (schemas.ApiError as { properties: { error: { properties: { code: { enum: string[] } } } } }).properties.error.properties.code.enum;
  for (const c of codes) assert.ok(c === 'INTERNAL' || CLIENT_SAFE_CODES.has(c as GatewayErrorCode), c);
});
