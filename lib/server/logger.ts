import 'server-only';
import pino from 'pino';
import { getEnv } from '../config/env';

/**
 * The app's logger. Redaction is a second line of defence: code must not log credentials, tokens,
 * SAML responses or login URLs in the first place (AWS-FACTS §4).
 */
let instance: pino.Logger | undefined;

/** Created on first use, so importing a module never reads the environment (next build imports them). */
export function getLogger(): pino.Logger {
  instance ??= pino({
  level: getEnv().LOG_LEVEL,
  redact: {
    paths: [
      '*.secretAccessKey', '*.sessionToken', '*.SessionToken', '*.SecretAccessKey', '*.token', '*.id_token',
      '*.access_token', '*.refresh_token', '*.SAMLResponse', '*.loginUrl', '*.password', '*.clientSecret',
    ],
    censor: '[redacted]',
  },
  base: { service: 'rolegate' },
  });
  return instance;
}
