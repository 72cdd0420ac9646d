/**
 * Debian's SimpleSAMLphp 1.19 as a real upstream SAML IdP, served by PHP's built-in web server from a
 * fresh config directory. `.ci/setup.sh` installs it (simplesamlphp, php-cli).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeRemoteSps, writeSspConfig, type SspRemoteSp } from './config';

export const SSP_ROOT = '/usr/share/simplesamlphp';

export interface SimpleSamlPhp {
  url: string;
  /** Where the hosted IdP's metadata is served (its entity id, plus a query unique to this start). */
  metadataUrl: string;
  /** IdP-initiated SSO towards `spEntityId` (SimpleSAMLphp's unsolicited-response endpoint). */
  idpInitiatedUrl(spEntityId: string): string;
  /** IdP-initiated single logout of every SP of the browser's session, then back to `returnTo`. */
  idpLogoutUrl(returnTo: string): string;
  /** Replaces the SPs SimpleSAMLphp knows (say, once a connection's encryption certificate is known). */
  setSps(sps: SspRemoteSp[]): void;
  /** SimpleSAMLphp's own log (for failure messages). */
  log(): string;
  close(): Promise<void>;
}

export function simpleSamlPhpInstalled(): boolean {
  return existsSync(path.join(SSP_ROOT, 'www', 'index.php'));
}

async function waitForMetadata(url: string, exited: () => string | null, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const exit = exited();
    if (exit !== null) throw new Error(`SimpleSAMLphp's php -S exited: ${exit}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
      last = `HTTP ${res.status}: ${(await res.text()).slice(0, 500)}`;
    } catch (err) {
      last = String(err);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`SimpleSAMLphp metadata did not answer at ${url}: ${last}`);
}

export async function startSimpleSamlPhp(opts: { port: number; sps: SspRemoteSp[] }): Promise<SimpleSamlPhp> {
  if (!simpleSamlPhpInstalled()) throw new Error(`SimpleSAMLphp is not installed at ${SSP_ROOT}: run .ci/setup.sh`);
  const url = `http://localhost:${opts.port}`;
  const dir = mkdtempSync(path.join(tmpdir(), 'rolegate-ssp-'));
  // The IdP's key pair lives as long as the e2e run's data directory (see writeSspConfig).
  const keyDir = process.env.E2E_DATA_DIR && path.join(process.env.E2E_DATA_DIR, 'simplesamlphp-idp');
  const configDir = await writeSspConfig(dir, url, opts.sps, keyDir || undefined);
  const child = spawn('php', ['-S', `localhost:${opts.port}`, '-t', path.join(SSP_ROOT, 'www')], {
    env: { ...process.env, SIMPLESAMLPHP_CONFIG_DIR: configDir },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => { stderr = (stderr + d.toString()).slice(-20_000); });
  let exit: string | null = null;
  child.on('exit', (code, signal) => { exit = `code ${code} signal ${signal}\n${stderr}`; });
  // A query unique to this start: Rolegate keeps the last good metadata per URL (refreshed hourly), so
  // without it a spec would meet the previous spec's SimpleSAMLphp certificate (SAML_CERT_NOT_TRUSTED).
  const metadataUrl = `${url}/saml2/idp/metadata.php?run=${path.basename(dir)}`;
  const close = async () => {
    if (exit === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForMetadata(metadataUrl, () => exit);
  } catch (err) {
    await close();
    throw err;
  }
  return {
    url,
    metadataUrl,
    idpInitiatedUrl: (sp) => `${url}/saml2/idp/SSOService.php?spentityid=${encodeURIComponent(sp)}`,
    idpLogoutUrl: (returnTo) => `${url}/saml2/idp/SingleLogoutService.php?ReturnTo=${encodeURIComponent(returnTo)}`,
    setSps: (sps) => writeRemoteSps(dir, sps),
    log: () => { try { return readFileSync(path.join(dir, 'log', 'simplesamlphp.log'), 'utf8'); } catch { return ''; } },
    close,
  };
}
