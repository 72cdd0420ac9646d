import { ROLE_OPTION, SERVER_OPTION, parseCommand, requireRole } from '../args';
import { roleCredentials, type CacheEntry } from '../credential-cache';
import { CliError, EXIT, usage } from '../errors';
import { resolveServer } from '../server';
import type { Command } from './command';

/** sts:DecodeAuthorizationMessage with the role's own credentials. The SDK is loaded only here. */
async function decode(entry: CacheEntry, encoded: string): Promise<string> {
  // On Node < 22 the SDK writes a notice about its own future releases to stderr (process.emitWarning).
  // A rolegate user can do nothing about it, and stderr carries rolegate's messages only.
  // eslint-disable-next-line no-restricted-properties
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { STSClient, DecodeAuthorizationMessageCommand } = await import('@aws-sdk/client-sts');
  const { credentials: c, role } = entry;
  const client = new STSClient({
    region: role.region,
    credentials: {
      accessKeyId: c.accessKeyId,
      secretAccessKey: c.secretAccessKey,
      sessionToken: c.sessionToken,
      expiration: new Date(c.expiration),
    },
  });
  try {
    const out = await client.send(
      new DecodeAuthorizationMessageCommand({ EncodedMessage: encoded }),
    );
    return out.DecodedMessage ?? '';
  } catch (e) {
    const name = e instanceof Error ? e.name : 'Error';
    const detail = e instanceof Error ? e.message : String(e);
    const exit = /AccessDenied/.test(name) ? EXIT.FORBIDDEN : EXIT.FAILURE;
    throw new CliError(
      'STS_DENIED',
      exit,
      `STS refused to decode the message: ${name}: ${detail}`,
      {
        cause: e,
      },
    );
  } finally {
    client.destroy();
  }
}

function pretty(decoded: string): string {
  try {
    return JSON.stringify(JSON.parse(decoded), null, 2);
  } catch {
    return decoded; // not JSON: print as AWS returned it
  }
}

/** A message starting with "-": URL-safe base64, and longer than any option name. */
const DASHED_MESSAGE = /^-[\w-]{32,}$/;

/**
 * Encoded messages are URL-safe base64, so one in 64 starts with "-", which parseArgs would take for
 * an unknown option. Such an argument (not the value of --role or --server) is moved behind `--`.
 */
function dashedMessageLast(argv: string[]): string[] {
  if (argv.includes('--')) return argv;
  const i = argv.findIndex(
    (arg, at) => DASHED_MESSAGE.test(arg) && !['--role', '--server'].includes(argv[at - 1] ?? ''),
  );
  return i < 0 ? argv : [...argv.slice(0, i), ...argv.slice(i + 1), '--', argv[i] ?? ''];
}

export const decodeMessage: Command = {
  usage: 'rolegate decode-message --role ROLE ENCODED_MESSAGE [--server URL]',
  summary: 'Decode an "Encoded authorization failure message" with sts:DecodeAuthorizationMessage',
  async run(ctx, argv) {
    const options = { ...ROLE_OPTION, ...SERVER_OPTION };
    const { values, positionals } = parseCommand(dashedMessageLast(argv), options, 1);
    const encoded = positionals[0]?.trim();
    if (!encoded) throw usage('decode-message needs the encoded message');
    const role = requireRole(values.role);
    const server = resolveServer(ctx, values.server);
    const entry = await roleCredentials(ctx, server, role);
    ctx.out(`${pretty(await decode(entry, encoded))}\n`);
    return EXIT.OK;
  },
};
