/**
 * The set-up most CLI test files share: one fake server per file (and the esbuild bundle first, for files
 * that run it, with `bundle`), and per test a fresh sandbox (logged in to the fake unless `loggedIn: false`)
 * with the fake's request counters cleared; `reset` runs after that.
 */
import { after, afterEach, before, beforeEach } from 'node:test';
import { startFakeServer, type FakeServer } from './fake-server';
import { buildBundle, sandbox, seedLogin, type Sandbox } from './harness';

export interface Testbed {
  fake: FakeServer;
  sb: Sandbox;
}

export function cliTestbed(
  options: { bundle?: boolean; loggedIn?: boolean; reset?: (t: Testbed) => void } = {},
): Testbed {
  const t = {} as Testbed;
  before(async () => {
    if (options.bundle) buildBundle();
    t.fake = await startFakeServer();
  });
  after(() => t.fake.close());
  beforeEach(() => {
    t.sb = sandbox();
    if (options.loggedIn !== false) seedLogin(t.sb, t.fake);
    t.fake.state.counts.clear();
    options.reset?.(t);
  });
  afterEach(() => t.sb.cleanup());
  return t;
}
