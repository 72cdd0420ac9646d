/** The Store of lib/server/container.ts over the repos (container.ts imports 'server-only'). */
import type { Repos } from '../../../db/repos';
import type { Store } from '../../ports';

export function storeOn(repos: Repos): Store {
  return {
    upsertUserOnLogin: (i) => repos.users.upsertUserOnLogin(i),
    createSession: async (s) => void (await repos.sessions.createSession(s)),
    getActiveSession: (id, at) => repos.sessions.getActiveSession(id, at),
    revokeSession: async (id, at) => void (await repos.sessions.revokeSession(id, at)),
    audit: async (r) => void (await repos.audit.appendAudit(r)),
  };
}
