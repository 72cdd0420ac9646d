import 'server-only';
import type pino from 'pino';
import { getEnv } from '../config/env';
import { createLogger } from './create-logger';

/** The app's logger (redaction rules in create-logger.ts). */
let instance: pino.Logger | undefined;

/** Created on first use, so importing a module never reads the environment (next build imports them). */
export function getLogger(): pino.Logger {
  instance ??= createLogger(getEnv().LOG_LEVEL);
  return instance;
}
