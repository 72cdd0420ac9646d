/**
 * One server shared by the tests of a node:test `describe` block: started in its `before` hook, closed in its
 * `after` hook. Used by the demo IdPs' tests (oidc-idp/, saml-idp/).
 */
import { after, before } from 'node:test';

/** Call inside `describe`; the returned getter gives the running server to the block's tests. */
export function serverForSuite<T extends { close(): Promise<void> }>(start: () => Promise<T>): () => T {
  let server: T | undefined;
  before(async () => {
    server = await start();
  });
  after(async () => {
    await server?.close();
  });
  return () => {
    if (!server) throw new Error('the suite server is not running: its before hook failed or has not run yet');
    return server;
  };
}
