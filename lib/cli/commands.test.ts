import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { CREDENTIAL_FORMATS, formatCredentials } from '../core/credentials';
import { credentialsFromCache } from './test-support/cache-peek';
import { EXIT } from './errors';
import { buildBundle, runBundle, runInProcess } from './test-support/harness';
import { cliTestbed } from './test-support/testbed';

const t = cliTestbed();

describe('rolegate roles / whoami', () => {
  it('lists roles as a table with profile names', async () => {
    const r = await runInProcess(['roles'], t.sb);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines[0] ?? '', /^PROFILE\s+ROLE\s+REGION\s+DELIVERY\s+ARN\s+TOP$/);
    assert.match(
      lines[1] ?? '',
      /^dev-Admin\s+dev\/Admin\s+eu-west-1\s+web-identity\s+arn:aws:iam::111122223333:role\/Admin$/,
    );
    assert.equal(lines.length, 4);
  });

  it('--json passes the server document through', async () => {
    const r = await runInProcess(['roles', '--json'], t.sb);
    assert.equal((JSON.parse(r.stdout) as { roles: unknown[] }).roles.length, 3);
    const w = await runInProcess(['whoami', '--json'], t.sb);
    assert.equal(
      (JSON.parse(w.stdout) as { user: { email: string } }).user.email,
      'alice@example.com',
    );
  });
});

describe('rolegate credentials', () => {
  for (const { format } of CREDENTIAL_FORMATS) {
    it(`--format ${format} is formatCredentials('${format}') from lib/core`, async () => {
      const r = await runInProcess(
        ['credentials', '--role', 'dev/Admin', '--format', format],
        t.sb,
      );
      assert.equal(r.code, 0, r.stderr);
      const creds = credentialsFromCache(t.sb, t.fake.url, 'dev/Admin');
      const expected = formatCredentials(format, creds, {
        region: 'eu-west-1',
        profile: 'dev-Admin',
      });
      assert.equal(r.stdout, expected);
    });
  }

  it('an unknown format is a usage error listing the formats', async () => {
    const r = await runInProcess(['credentials', '--role', 'dev/Admin', '--format', 'csh'], t.sb);
    assert.equal(r.code, EXIT.USAGE);
    assert.match(
      r.stderr,
      /--format must be one of bash\|zsh\|fish\|powershell\|cmd\|dotenv\|ini\|json/,
    );
    assert.equal(t.fake.state.count('POST /api/v1/credentials'), 0);
  });
});

describe('rolegate console', () => {
  it('--print prints the sign-in URL on stdout', async () => {
    const args = [
      'console',
      '--role',
      'dev-Admin',
      '--service',
      's3',
      '--region',
      'eu-west-1',
      '--print',
    ];
    const r = await runInProcess(args, t.sb);
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stdout,
      /^https:\/\/signin\.aws\.amazon\.com\/federation\?Action=login&SigninToken=tok&/,
    );
    const sent = decodeURIComponent(new URL(r.stdout.trim()).searchParams.get('Destination') ?? '');
    assert.deepEqual(JSON.parse(sent), {
      roleId: '111122223333/Admin',
      region: 'eu-west-1',
      service: 's3',
    });
    assert.deepEqual(r.opened, []);
  });

  it('opens the browser when it can, prints the URL when it cannot', async () => {
    const opened = await runInProcess(['console', '--role', 'dev/Admin'], t.sb, { browser: true });
    assert.equal(opened.opened.length, 1);
    assert.equal(opened.stdout, '');
    const printed = await runInProcess(['console', '--role', 'dev/Admin'], t.sb, {
      browser: false,
    });
    assert.match(printed.stdout, /^https:\/\/signin\.aws\.amazon\.com\//);
    assert.match(printed.stderr, /No browser available/);
  });

  it('a role the user does not have → exit 5', async () => {
    const r = await runInProcess(['console', '--role', 'nope-Nope'], t.sb);
    assert.equal(r.code, EXIT.FORBIDDEN);
    assert.match(r.stderr, /you have no role "nope-Nope"; "rolegate roles" lists yours/);
  });
});

describe('rolegate decode-message', () => {
  it('decodes with the role credentials through STS and pretty-prints the JSON', async () => {
    buildBundle();
    const env = { ...t.sb.env, AWS_ENDPOINT_URL_STS: `${t.fake.url}/sts` };
    const r = await runBundle(['decode-message', '--role', 'dev/Admin', 'ENCODED-123'], env);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '', 'no SDK notice on stderr (Node < 22)');
    assert.equal(t.fake.state.count('POST /sts/') + t.fake.state.count('POST /sts'), 1);
    const decoded = JSON.parse(r.stdout) as { context: { message: string } };
    assert.equal(decoded.context.message, 'ENCODED-123');
    assert.match(r.stdout, /^\{\n {2}"allowed": false,/, 'pretty-printed');
  });

  it('takes a message that starts with "-" (URL-safe base64) as the message, not an option', async () => {
    const message = `-${'Ab_9-'.repeat(12)}`;
    const env = { ...t.sb.env, AWS_ENDPOINT_URL_STS: `${t.fake.url}/sts` };
    const r = await runBundle(['decode-message', message, '--role', 'dev/Admin'], env);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(
      (JSON.parse(r.stdout) as { context: { message: string } }).context.message,
      message,
    );
  });

  it('needs --role and the message', async () => {
    assert.equal((await runInProcess(['decode-message', 'x'], t.sb)).code, EXIT.USAGE);
    assert.equal(
      (await runInProcess(['decode-message', '--role', 'dev/Admin'], t.sb)).code,
      EXIT.USAGE,
    );
  });
});

describe('command line', () => {
  it('unknown commands and options are usage errors (64); --help exits 0', async () => {
    assert.equal((await runInProcess(['frobnicate'], t.sb)).code, EXIT.USAGE);
    assert.equal((await runInProcess(['roles', '--bogus'], t.sb)).code, EXIT.USAGE);
    const help = await runInProcess(['--help'], t.sb);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Exit codes:\n {2}0 {3}success/);
  });
});
