/**
 * Console sign-in helpers for the `POST /saml` tests: two SAML-trusting roles, following the sign-in
 * redirect to the console page, and reading the "Select a role" chooser.
 */
import assert from 'node:assert/strict';
import { rolePair, SAML_ROLE, samlTrustPolicy, type SamlHarness } from './test-saml-harness';

export const ADMIN = 'rolegate-saml-admin';
export const twoRoles = {
  roles: [
    { name: SAML_ROLE, trustPolicy: samlTrustPolicy() },
    { name: ADMIN, trustPolicy: samlTrustPolicy() },
  ],
};

/** Follows the sign-in redirect with its cookie; returns the console page's status and ARN. */
export async function openConsole(
  res: Response,
): Promise<{ status: number; arn?: string; cookie: string }> {
  assert.equal(res.status, 302, await res.clone().text());
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const page = await fetch(res.headers.get('location') ?? '', {
    headers: { cookie },
    redirect: 'manual',
  });
  const arn = /data-testid="console-arn">([^<]*)</.exec(await page.text())?.[1];
  return { status: page.status, arn, cookie };
}

export async function chooser(h: SamlHarness): Promise<{ handle: string; html: string }> {
  const res = await h.postSaml({
    SAMLResponse: await h.consoleResponse({ roles: [rolePair(), rolePair(ADMIN)] }),
  });
  assert.equal(res.status, 200);
  const html = await res.text();
  const handle = /name="handle" value="([^"]+)"/.exec(html)?.[1] ?? '';
  assert.ok(handle);
  return { handle, html };
}

export function radioValue(html: string, testId: string): string {
  const input = new RegExp(`<input[^>]*data-testid="${testId}"[^>]*>`).exec(html)?.[0] ?? '';
  return /value="([^"]*)"/.exec(input)?.[1] ?? '';
}
