/**
 * Per-role credential cache under `$XDG_CACHE_HOME/rolegate/credentials/` (0600 files in a 0700
 * directory). An entry is reused until 5 minutes before its expiry; concurrent misses for the
 * same role share one request to the server (lock.ts).
 */
import fs from 'node:fs';

import type { Credentials } from '../core/types';
import { parseIssued, type IssuedRole } from './api-types';
import type { CliContext } from './context';
import { Fields } from './fields';
import { readJson, writeFileAtomic } from './files';
import { singleflight } from './lock';
import { credentialsCacheFile, credentialsDir, lockFileFor } from './paths';
import { resolveRoleRef } from './role-ref';
import { authedJson } from './session';

/** Reuse until this long before expiry (the SDKs themselves refresh a few minutes early). */
export const REFRESH_BEFORE_MS = 5 * 60_000;

export interface CacheEntry {
  server: string;
  roleRef: string;
  credentials: Credentials;
  role: IssuedRole;
}

function parseEntry(raw: unknown): CacheEntry {
  const f = Fields.of('cache entry', raw);
  const c = f.sub('credentials');
  const r = f.sub('role');
  return {
    server: f.str('server'),
    roleRef: f.str('roleRef'),
    credentials: {
      accessKeyId: c.str('accessKeyId'),
      secretAccessKey: c.str('secretAccessKey'),
      sessionToken: c.str('sessionToken'),
      expiration: c.str('expiration'),
    },
    role: {
      id: r.str('id'),
      arn: r.str('arn'),
      region: r.str('region'),
      accountAlias: r.str('accountAlias'),
      roleName: r.str('roleName'),
    },
  };
}

/** The cached entry when it is still good for at least REFRESH_BEFORE_MS. */
export function readFresh(
  ctx: Pick<CliContext, 'env' | 'now'>,
  server: string,
  roleRef: string,
): CacheEntry | undefined {
  const raw = readJson(credentialsCacheFile(ctx.env, server, roleRef));
  if (raw === undefined) return undefined;
  let entry: CacheEntry;
  try {
    entry = parseEntry(raw);
  } catch {
    return undefined; // a foreign or older-format file: refetch and overwrite it
  }
  if (entry.server !== server || entry.roleRef !== roleRef) return undefined;
  const expiresAt = Date.parse(entry.credentials.expiration);
  return expiresAt - ctx.now() > REFRESH_BEFORE_MS ? entry : undefined;
}

export function clearCredentialCache(ctx: CliContext): void {
  fs.rmSync(credentialsDir(ctx.env), { recursive: true, force: true });
}

export function writeCached(ctx: Pick<CliContext, 'env'>, entry: CacheEntry): void {
  const file = credentialsCacheFile(ctx.env, entry.server, entry.roleRef);
  writeFileAtomic(file, `${JSON.stringify(entry, null, 2)}\n`);
}

async function fetchEntry(ctx: CliContext, server: string, roleRef: string): Promise<CacheEntry> {
  const roleId = await resolveRoleRef(ctx, server, roleRef);
  const issued = parseIssued(await authedJson(ctx, server, 'credentials', { json: { roleId } }));
  const entry: CacheEntry = { server, roleRef, ...issued };
  writeCached(ctx, entry);
  return entry;
}

/** Credentials for `roleRef`: from the cache, or fetched once for all concurrent callers. */
export async function roleCredentials(
  ctx: CliContext,
  server: string,
  roleRef: string,
): Promise<CacheEntry> {
  const hit = readFresh(ctx, server, roleRef);
  if (hit) return hit;
  const lock = lockFileFor(credentialsCacheFile(ctx.env, server, roleRef));
  return singleflight(
    lock,
    () => readFresh(ctx, server, roleRef),
    () => fetchEntry(ctx, server, roleRef),
  );
}
