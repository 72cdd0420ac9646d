/**
 * The ACS's decision (issue 12 §7): validate the posted response with stores that only *check* the
 * pending request and the replay cache, map the claims, and only then commit — request consumed,
 * assertion ID recorded, user and session written — in one transaction (lib/db/repos/saml-signin.ts).
 * A post that fails anywhere before the commit spends nothing, so a response seen by someone else and
 * posted from their browser first cannot lock its owner out; a second good post is a replay.
 */
import type { SamlConnectionConfig } from '../../core/config/schema';
import type { RolegateConfig } from '../../core/config/parse';
import { GatewayError, type GatewayErrorCode } from '../../core/errors';
import { evaluatePolicy } from '../../core/policy/evaluate';
import { samlIdentityClaims } from '../../core/saml/claims';
import type { SamlSp, TraceEntry, ValidateContext, ValidatedAssertion } from '../../core/saml/sp/types';
import { subjectOrigin } from '../../core/saml/subject';
import type { IdentityClaims } from '../../core/types';
import { safeEqual } from '../../db/crypto';
import type { Repos } from '../../db/repos';
import { startPortalSession, type PersistPortalSession } from '../auth/portal-session';
import type { Store } from '../ports';
import { metrics, timed } from '../metrics';
import type { RequestMeta } from '../request-meta';

export interface AcsDeps {
  config: Pick<RolegateConfig, 'rules' | 'roles' | 'session'>;
  repos: Pick<Repos, 'samlRequests' | 'samlReplay' | 'samlSignIn' | 'samlTraces'>;
  store: Store;
  /** Records a failed sign-in (counted per address, code and minute: lib/db/repos/signin-failures.ts). */
  signinFailed: (code: GatewayErrorCode) => Promise<void>;
  hashSessionId: (sid: string) => string;
  now: () => Date;
}

/** The failure recorder the ACS uses (shared with the OIDC callback: signin-failure-count.ts). */
export { countSigninFailures } from '../signin-failure-count';

export interface AcsInput {
  conn: SamlConnectionConfig;
  sp: SamlSp;
  samlResponse: string;
  meta: RequestMeta;
  /** The AuthnRequest id of the browser's cookie, if any. */
  boundRequestId: string | undefined;
}

function checkingContext(d: AcsDeps, connectionId: string, bound: string | undefined, now: Date): ValidateContext {
  return {
    now,
    // A request id counts only for the browser it was issued to; nothing is consumed before the commit.
    requests: { consume: async (id) => bound !== undefined && safeEqual(id, bound) && d.repos.samlRequests.isPending(id, connectionId, now) },
    replay: {
      seen: (id) => d.repos.samlReplay.isSeen(connectionId, id, now),
      // Recorded by the commit, whose primary key decides a race; `seen` above already refused a known ID.
      remember: async () => true,
    },
    onRejected: async (r) => {
      await d.signinFailed(r.code);
      await d.repos.samlTraces.appendSamlTrace({ connectionId, outcome: 'failed', code: r.code, checks: r.trace, attributes: {}, matchedRules: [] });
    },
  };
}

/**
 * The claims of a validated assertion. A refusal here (a transient NameID, a missing subject attribute…)
 * leaves a failed trace whose last check tells the admin what to configure, and the attribute names that
 * arrived (never their values: this person was not signed in).
 */
async function claimsOf(d: AcsDeps, conn: SamlConnectionConfig, validated: ValidatedAssertion): Promise<{ claims: IdentityClaims; checks: TraceEntry[] }> {
  const subject = { check: 'subject', detail: subjectOrigin(conn, validated.nameIdFormat) };
  try {
    return { claims: samlIdentityClaims(conn, validated), checks: [...validated.trace, { ...subject, ok: true }] };
  } catch (err) {
    if (err instanceof GatewayError) {
      const checks = [...validated.trace, { ...subject, ok: false, detail: `${subject.detail}: ${err.message}` }];
      const attributes = Object.fromEntries(Object.keys(validated.attributes).map((name) => [name, []]));
      await d.repos.samlTraces.appendSamlTrace({ connectionId: conn.id, outcome: 'failed', code: err.code, nameId: validated.nameId, checks, attributes, matchedRules: [] });
    }
    throw err;
  }
}

/** Validates, commits and audits one posted response; resolves with the new session's id. */
export async function acceptSamlResponse(d: AcsDeps, input: AcsInput): Promise<{ sid: string; userId: string; expiresAt: Date }> {
  const connectionId = input.conn.id;
  const now = d.now();
  const validated: ValidatedAssertion = await timed(metrics().samlValidationSeconds, {}, () => input.sp.validateResponse(input.samlResponse, checkingContext(d, connectionId, input.boundRequestId, now)));
  try {
    const { claims, checks } = await claimsOf(d, input.conn, validated);
    const { nameId, nameIdFormat, nameQualifier, spNameQualifier, sessionIndex } = validated;
    const persist: PersistPortalSession = async ({ identity, session: base }) => {
      // What our LogoutRequest names and an IdP's LogoutRequest is matched on (single logout, issue 13 §5).
      const session = { ...base, saml: { nameId, nameIdFormat, nameQualifier, spNameQualifier, sessionIndex } };
      const { user } = await d.repos.samlSignIn.acceptSamlSignIn({ connectionId, requestId: validated.inResponseTo, assertionId: validated.assertionId, replayUntil: validated.replayUntil, identity, session, now });
      return { userId: user.id };
    };
    const started = await startPortalSession({ store: d.store, maxAgeSeconds: d.config.session.maxAgeSeconds, hashSessionId: d.hashSessionId, now: d.now }, claims, input.meta, persist);
    const matched = evaluatePolicy(claims, d.config.rules, d.config.roles).flatMap((g) => g.grantedBy.map((m) => m.ruleId));
    await d.repos.samlTraces.appendSamlTrace({ connectionId, outcome: 'ok', nameId: validated.nameId, checks, attributes: validated.attributes, matchedRules: [...new Set(matched)] });
    return started;
  } catch (err) {
    await d.signinFailed(err instanceof GatewayError ? err.code : 'INTERNAL');
    throw err;
  }
}
