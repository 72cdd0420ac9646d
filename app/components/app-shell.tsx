import type { ReactNode } from 'react';
import { LockdownBanner } from './lockdown-banner';
import { SignOutButton } from './sign-out-button';

export interface AppShellUser {
  email?: string;
  name?: string;
  idpName: string;
  /** Shows the admin links. Decided on the server (requireAdmin still guards every admin page). */
  admin?: boolean;
}

export interface AppShellProps {
  user?: AppShellUser;
  demo: boolean;
  children: ReactNode;
}

/** Page frame for every Rolegate screen: demo banner, product header, signed-in user, content. */
export function AppShell({ user, demo, children }: AppShellProps) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {/* One banner landmark holds the demo and lock-down notices and the product bar. */}
      <header>
        {demo && (
          <div className="demo-banner" role="note" data-testid="demo-banner">
            DEMO MODE — local demo identity provider and AWS emulator; no real AWS access
          </div>
        )}
        {/* Signed-in pages only: the signed-out ones (and the build-time 403 page) never touch the database. */}
        {user && <LockdownBanner />}
        <div className="topbar">
          <a className="brand" href="/">
            <span className="brand-mark" aria-hidden="true">
              R
            </span>
            Rolegate
          </a>
          {user?.admin && (
            <nav className="admin-nav nav-admin" aria-label="Admin">
              <a href="/roles">Roles</a>
              <a href="/requests" data-testid="nav-requests">
                Requests
              </a>
              <a href="/admin/audit" data-testid="nav-audit">
                Audit
              </a>
              <a href="/admin/rules" data-testid="nav-rules">
                Rules
              </a>
              <a href="/admin/grants" data-testid="nav-grants">
                Grants
              </a>
              <a href="/admin/revocation" data-testid="nav-revocation">
                Revocation
              </a>
              <a href="/admin/connections" data-testid="nav-connections">
                Connections
              </a>
              <a href="/admin/accounts" data-testid="nav-accounts">
                Accounts
              </a>
              <a href="/admin/config" data-testid="nav-config">
                Config
              </a>
              <a href="/admin/saml" data-testid="nav-saml-diagnostics">
                SAML diagnostics
              </a>
            </nav>
          )}
          {user && !user.admin && (
            <nav className="admin-nav" aria-label="Portal">
              <a href="/roles">Roles</a>
              <a href="/requests" data-testid="nav-requests">
                Request access
              </a>
            </nav>
          )}
          {user && <UserBadge user={user} />}
        </div>
      </header>
      <main className="main" id="main">
        {children}
      </main>
    </>
  );
}

function UserBadge({ user }: { user: AppShellUser }) {
  const primary = user.name ?? user.email ?? 'Signed in';
  const secondary = user.name && user.email ? `${user.email} · ` : '';
  return (
    <div className="user" data-testid="current-user" title={user.email}>
      <div className="user-id">
        <span className="user-name">{primary}</span>
        <span className="user-meta">
          {secondary}via {user.idpName}
        </span>
      </div>
      <SignOutButton />
    </div>
  );
}
