import { formatAgo, type DevicePageView } from '@/lib/server/oauth/device-page';
import { publicMessage } from '@/lib/core/errors';

const RESULTS: Record<string, string> = {
  approved: 'Approved. Your terminal is signed in; you can close this page.',
  denied: 'Denied. The terminal that asked will not be signed in.',
  unknown: publicMessage('DEVICE_CODE_UNKNOWN'),
};

export interface DeviceViewProps {
  view: DevicePageView;
  result?: string;
  typed?: string;
  now: Date;
  loginHours: number;
}

/** The approval page body. Plain forms (no client script): GET to look a code up, POST to decide. */
export function DeviceView({ view, result, typed, now, loginHours }: DeviceViewProps) {
  const message = result ? RESULTS[result] : undefined;
  return (
    <section className="signin device">
      <h1>Sign in a terminal</h1>
      {message && (
        <p className={result === 'approved' ? 'muted' : 'alert'} role="status" data-testid="device-result">
          {message}
        </p>
      )}
      {view.kind === 'request' ? (
        <Request view={view} now={now} loginHours={loginHours} />
      ) : (
        <>
          {view.kind === 'unknown' && (
            <p className="alert" role="alert" data-testid="device-result">
              {publicMessage(view.code)}
            </p>
          )}
          <Lookup typed={typed} />
        </>
      )}
    </section>
  );
}

function Lookup({ typed }: { typed?: string }) {
  return (
    <form method="get" action="/device" className="device-lookup">
      <p className="muted">Enter the code your terminal shows (rolegate login).</p>
      <label htmlFor="user_code" className="visually-hidden">Code</label>
      <input id="user_code" name="user_code" className="input mono" data-testid="device-user-code" defaultValue={typed} placeholder="XXXX-XXXX" autoComplete="off" autoCapitalize="characters" spellCheck={false} maxLength={32} required />
      <button type="submit" className="btn btn-primary" data-testid="device-lookup">Continue</button>
    </form>
  );
}

function Request({ view, now, loginHours }: { view: Extract<DevicePageView, { kind: 'request' }>; now: Date; loginHours: number }) {
  return (
    <form method="post" action="/device/decision">
      <p>
        Code <strong className="mono" data-testid="device-code-shown">{view.userCode}</strong>
      </p>
      <p data-testid="device-requested">
        Requested <span title={view.requestedAt.toISOString()}>{formatAgo(view.requestedAt, now)}</span> from{' '}
        <strong className="mono" data-testid="device-ip">{view.ip ?? 'an unknown address'}</strong>,{' '}
        <span className="mono" data-testid="device-user-agent">{view.userAgent ?? 'unknown client'}</span>{' '}
        <span className="muted" data-testid="device-user-agent-label">({view.userAgentLabel})</span>
      </p>
      <p className="muted">
        Approve only if you started this sign-in yourself, just now. Approving lets that terminal get credentials for your roles for up to {loginHours} hours.
      </p>
      <input type="hidden" name="user_code" value={view.userCode} />
      <div className="panel-actions">
        <button type="submit" name="decision" value="approve" className="btn btn-primary" data-testid="device-approve">Approve</button>
        <button type="submit" name="decision" value="deny" className="btn" data-testid="device-deny">Deny</button>
      </div>
    </form>
  );
}
