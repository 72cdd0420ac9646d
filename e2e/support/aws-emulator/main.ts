/**
 * CLI: node --import tsx e2e/support/aws-emulator/main.ts --config file.json [--port 3002]
 *      [--public-url http://localhost:3002] [--host 127.0.0.1]
 *   or …/main.ts --rolegate-config rolegate.yaml [--rolegate-url URL] […]: the IAM side of a Rolegate config
 *      (providers and trusting roles for every configured account and role, for-rolegate.ts).
 */
import { parseArgs } from 'node:util';
import { loadEmulatorConfig, parseEmulatorConfig } from './config';
import { emulatorConfigForFile } from './for-rolegate';
import { startAwsEmulator } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      config: { type: 'string' },
      'rolegate-config': { type: 'string' },
      'rolegate-url': { type: 'string' },
      port: { type: 'string', default: '3002' },
      host: { type: 'string', default: '127.0.0.1' },
      'public-url': { type: 'string' },
    },
    strict: true,
  });
  if (!values.config === !values['rolegate-config'])
    throw new Error(
      'usage: main.ts (--config <file.json> | --rolegate-config <rolegate.yaml> [--rolegate-url URL]) [--port 3002] [--public-url URL] [--host HOST]',
    );
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`invalid --port ${values.port}`);
  const ownUrl = values['public-url'] ?? `http://localhost:${port}`;
  const config = values.config
    ? await loadEmulatorConfig(values.config)
    : parseEmulatorConfig(await emulatorConfigForFile(values['rolegate-config'] as string, ownUrl, values['rolegate-url']));
  const emulator = await startAwsEmulator({
    config,
    port,
    host: values.host,
    publicUrl: values['public-url'],
  });
  console.log(`aws-emulator listening on ${emulator.url}`);
  const stop = (): void => void emulator.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
