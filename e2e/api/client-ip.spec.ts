import { expect } from '@playwright/test';
import { test } from '../fixtures/test';
import { CLI_UA, signInAtDevicePage, type DeviceCode } from '../fixtures/device';

const FORGED = '203.0.113.66';

/**
 * The device approval page tells the user where a sign-in came from (an anti-phishing signal), and audit
 * rows and per-IP rate limits use the same address. Rolegate is reached directly here
 * (ROLEGATE_TRUSTED_PROXY_HOPS=0), so the address is the TCP peer, whatever the client claims.
 */
test('a forged X-Forwarded-For on POST /api/v1/device/code is not the address the approval page shows', async ({ page, request }) => {
  const res = await request.post('/api/v1/device/code', {
    form: { client_id: 'rolegate-cli' },
    headers: { 'User-Agent': CLI_UA, 'X-Forwarded-For': FORGED, 'X-Real-IP': FORGED, Forwarded: `for=${FORGED}` },
  });
  expect(res.status()).toBe(200);
  const code = (await res.json()) as DeviceCode;

  await signInAtDevicePage(page, code, 'alice@example.com');
  const shown = page.getByTestId('device-ip');
  await expect(shown).not.toContainText(FORGED);
  await expect(shown).toHaveText(/^(127\.0\.0\.1|::1)$/);
  await page.getByTestId('device-deny').click();
  await expect(page.getByTestId('device-result')).toContainText('Denied');
});
