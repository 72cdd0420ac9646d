/**
 * CLI: node --import tsx e2e/support/aws-emulator/main.ts --config file.json [--port 3002]
 *      [--public-url http://localhost:3002] [--host 127.0.0.1]
 */
import { parseArgs } from 'node:util';
import { loadEmulatorConfig } from './config';
import { startAwsEmulator } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      config: { type: 'string' },
      port: { type: 'string', default: '3002' },
      host: { type: 'string', default: '127.0.0.1' },
      'public-url': { type: 'string' },
    },
    strict: true,
  });
  if (!values.config)
    throw new Error(
      'usage: main.ts --config <file.json> [--port 3002] [--public-url URL] [--host HOST]',
    );
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`invalid --port ${values.port}`);
  const config = await loadEmulatorConfig(values.config);
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
