import 'server-only';
/**
 * The one way into an admin route handler (STYLE rule 11, as route handlers so that every admin
 * mutation is a plain HTTP endpoint the authorization test can call). Each wrapper authorises in the
 * handler itself — never only in the proxy — and denies by default:
 * - `adminRead`: an admin session, else 401/403 (the refusal is audited by requireAdmin);
 * - `adminMutation`: same-origin (CSRF), an admin session, the body parsed by zod (400 with every issue,
 *   nothing changed), the change, then its audit row with before and after — awaited before the answer.
 */
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { inputRefusal } from '../../core/text/free-text';
import type { AuditEventRecord, AuditOutcome, JsonValue } from '../../db/repos/audit-types';
import { getContainer, type Container } from '../container';
import { compressJson } from '../compress';
import { assertSameOrigin } from '../csrf';
import { NO_STORE, readBody, route, type Handler } from '../http';
import type { ActiveSession } from '../ports';
import { requestMeta, type RequestMeta } from '../request-meta';
import { requireAdmin } from '../session';

export interface AdminContext {
  c: Container;
  session: ActiveSession;
  meta: RequestMeta;
}

/** What an admin mutation changed: recorded in the audit ledger as an `admin` event. */
export interface AdminChange {
  /** A stable verb, e.g. `grant.create`, `lockdown.enable`, `user.revoke`. */
  action: string;
  /** What was changed, e.g. a role id, a user id, a grant id. */
  target: string;
  before: JsonValue;
  after: JsonValue;
  /** The role concerned, when there is one (filters the ledger by role). */
  roleArn?: string;
}

export interface MutationResult<T> {
  change: AdminChange;
  /** The JSON answer; must not carry secrets. */
  body: T;
}

async function adminContext(req: Request): Promise<AdminContext> {
  const c = await getContainer();
  const session = await requireAdmin();
  return { c, session, meta: requestMeta(req.headers) };
}

/** A read-only admin route (GET): answers only to admins, never cached, gzipped when the client accepts it. */
export function adminRead(fn: (ctx: AdminContext, req: Request) => Promise<Response>): Handler {
  return route(async (req) => {
    const res = await fn(await adminContext(req), req);
    for (const [k, v] of Object.entries(NO_STORE)) res.headers.set(k, v);
    return compressJson(req, res);
  });
}

export { zodProblems } from '../../core/text/free-text';

/** A state-changing admin route (POST/PUT/DELETE): CSRF, admin, validated input, audited change. */
export function adminMutation<S extends z.ZodType>(
  schema: S,
  fn: (ctx: AdminContext, input: z.infer<S>) => Promise<MutationResult<unknown>>,
  opts: { maxBodyBytes?: number } = {},
): Handler {
  return route(async (req) => {
    const c = await getContainer();
    assertSameOrigin(req.headers, c.config.publicUrl);
    const ctx = await adminContext(req);
    const parsed = schema.safeParse(req.method === 'DELETE' && !req.headers.get('content-type') ? {} : await readBody(req, opts.maxBodyBytes));
    if (!parsed.success) throw inputRefusal(parsed.error);
    const { change, body } = await fn(ctx, parsed.data);
    await auditByAdmin(ctx, { action: change.action, target: change.target, before: change.before, after: change.after }, change.roleArn);
    return NextResponse.json(body, { headers: NO_STORE });
  });
}

/** An `admin` audit row on behalf of the signed-in admin (who, from where); resolves with it once durable. */
export async function auditByAdmin(ctx: AdminContext, detail: { action: string; target: string; [key: string]: JsonValue }, roleArn?: string, outcome: AuditOutcome = 'ok'): Promise<AuditEventRecord> {
  return ctx.c.repos.audit.appendAudit({
    type: 'admin',
    outcome,
    userId: ctx.session.user.id,
    email: ctx.session.claims.email,
    emailVerified: ctx.session.claims.emailVerified,
    idpId: ctx.session.idpId,
    roleArn,
    ip: ctx.meta.ip,
    userAgent: ctx.meta.userAgent,
    detail,
  });
}
