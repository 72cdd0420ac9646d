/** Route handlers of the fake Rolegate (fake-server.ts): the /api/v1 contract and one STS action. */
import type http from 'node:http';

import type { FakeState } from './fake-state';

export type Reply = { status: number; body?: unknown; type?: string };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const oauth = (error: string): Reply => ({ status: 400, body: { error } });
const apiError = (status: number, code: string, message: string): Reply => ({
  status,
  body: { error: { code, message } },
});

function deviceToken(state: FakeState, form: URLSearchParams): Reply {
  if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:device_code') {
    return oauth('unsupported_grant_type');
  }
  if (form.get('device_code') !== 'dev-code-1' || form.get('client_id') !== 'rolegate-cli') {
    return oauth('invalid_grant');
  }
  const next = state.deviceScript.shift() ?? 'expired_token';
  return next === 'approve' ? { status: 200, body: state.issueTokens() } : oauth(next);
}

function refresh(state: FakeState, form: URLSearchParams): Reply {
  if (form.get('grant_type') !== 'refresh_token') return oauth('unsupported_grant_type');
  const pair = state.redeemRefresh(form.get('refresh_token') ?? '');
  return pair ? { status: 200, body: pair } : oauth('invalid_grant');
}

async function credentials(state: FakeState, body: string): Promise<Reply> {
  await sleep(state.credentialsDelayMs);
  if (state.credentialsError) {
    const { status, code, message } = state.credentialsError;
    return apiError(status, code, message);
  }
  const { roleId } = JSON.parse(body) as { roleId?: string };
  const role = state.findRole(roleId ?? '');
  if (!role) return apiError(403, 'POLICY_NO_ROLE', 'You are not allowed to assume this role.');
  const expiration = new Date(Date.now() + state.credentialsTtlSeconds * 1000).toISOString();
  const accessKeyId = state.nextAccessKeyId();
  return {
    status: 200,
    body: {
      credentials: {
        accessKeyId,
        secretAccessKey: `secret/${accessKeyId}+key`,
        sessionToken: `token-${accessKeyId}==`,
        expiration: expiration.replace(/\.\d{3}Z$/, 'Z'),
      },
      role: {
        id: role.id,
        arn: role.arn,
        region: role.region,
        accountAlias: role.accountAlias,
        roleName: role.roleName,
      },
    },
  };
}

function decodeMessage(form: URLSearchParams, authorization: string | undefined): Reply {
  if (form.get('Action') !== 'DecodeAuthorizationMessage' || !authorization?.includes('ASIAFAKE')) {
    return {
      status: 403,
      type: 'text/xml',
      body: '<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>denied</Message></Error></ErrorResponse>',
    };
  }
  const decoded = JSON.stringify({
    allowed: false,
    explicitDeny: false,
    context: { action: 'ec2:RunInstances', message: form.get('EncodedMessage') },
  });
  const escaped = decoded.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const xml = `<DecodeAuthorizationMessageResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><DecodeAuthorizationMessageResult><DecodedMessage>${escaped}</DecodedMessage></DecodeAuthorizationMessageResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></DecodeAuthorizationMessageResponse>`;
  return { status: 200, type: 'text/xml', body: xml };
}

function deviceCode(state: FakeState, form: URLSearchParams): Reply {
  if (form.get('client_id') !== 'rolegate-cli') return oauth('invalid_client');
  const uri = `http://127.0.0.1/device`;
  const body = {
    device_code: 'dev-code-1',
    user_code: 'WDJB-MJHT',
    verification_uri: uri,
    verification_uri_complete: `${uri}?user_code=WDJB-MJHT`,
    expires_in: state.deviceExpiresIn,
    interval: state.deviceInterval,
  };
  return { status: 200, body };
}

function consoleUrl(state: FakeState, body: string): Reply {
  const { roleId } = JSON.parse(body) as { roleId?: string };
  if (!state.findRole(roleId ?? '')) {
    return apiError(403, 'POLICY_NO_ROLE', 'You are not allowed to assume this role.');
  }
  // The request body is echoed in Destination so tests can check what the CLI sent.
  const url = `https://signin.aws.amazon.com/federation?Action=login&SigninToken=tok&Destination=${encodeURIComponent(body)}`;
  return { status: 200, body: { url } };
}

function favourites(state: FakeState, method: string, url: URL): Reply {
  if (!state.servesFavourites) return apiError(404, 'NOT_FOUND', 'Not found.');
  const ref = url.searchParams.get('roleId') ?? '';
  if (method === 'PUT') {
    const role = state.findRole(ref);
    if (!role) return apiError(403, 'POLICY_NO_ROLE', 'only a role you can assume now can be starred');
    if (!state.favourites.includes(role.id)) state.favourites.push(role.id);
  }
  if (method === 'DELETE') {
    // As the server does: the reference resolved to an id when it names a role, else taken as an id.
    const id = state.findRole(ref)?.id ?? ref;
    state.favourites = state.favourites.filter((starred) => starred !== id);
  }
  const recent = state.recent.filter((id) => !state.favourites.includes(id));
  return { status: 200, body: { favourites: state.favourites, recent } };
}

/** Bearer-protected resources. */
async function resource(state: FakeState, method: string, url: URL, body: string): Promise<Reply> {
  const path = url.pathname;
  if (path === '/api/v1/logout') {
    state.revokeAll();
    return { status: 204 };
  }
  if (path === '/api/v1/whoami') return { status: 200, body: state.whoami };
  if (path === '/api/v1/roles') return { status: 200, body: { roles: state.roles } };
  if (path === '/api/v1/credentials') return credentials(state, body);
  if (path === '/api/v1/console') return consoleUrl(state, body);
  if (path === '/api/v1/favourites') return favourites(state, method, url);
  return apiError(404, 'NOT_FOUND', 'Not found.');
}

export async function route(
  state: FakeState,
  req: http.IncomingMessage,
  body: string,
): Promise<Reply> {
  const url = new URL(req.url ?? '/', 'http://x');
  const path = url.pathname;
  const form = new URLSearchParams(body);
  if (path === '/sts/' || path === '/sts') return decodeMessage(form, req.headers.authorization);
  if (path === '/api/v1/device/code') return deviceCode(state, form);
  if (path === '/api/v1/device/token') return deviceToken(state, form);
  if (path === '/api/v1/token') return refresh(state, form);
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  if (!state.isValidAccess(bearer)) return apiError(401, 'UNAUTHENTICATED', 'Please sign in.');
  return resource(state, req.method ?? 'GET', url, body);
}
