import pino from 'pino';
import { currentRequestId } from './request-context';

/**
 * Rolegate's pino logger. Redaction is a second line of defence: code must not log credentials, tokens,
 * SAML responses or login URLs in the first place (AWS-FACTS §4). Not `server-only`: the production
 * server (lib/server/start) logs with it before Next.js is loaded.
 */
export function createLogger(level: pino.LevelWithSilent, destination?: pino.DestinationStream): pino.Logger {
  const options: pino.LoggerOptions = {
    level,
    redact: {
      paths: [
        '*.secretAccessKey', '*.sessionToken', '*.SessionToken', '*.SecretAccessKey', '*.token', '*.id_token',
        '*.access_token', '*.refresh_token', '*.SAMLResponse', '*.loginUrl', '*.password', '*.clientSecret',
        // OIDC sign-in checks (issue 13 §4): next-auth's own lines are reduced before logging (next-auth-logger.ts).
        '*.state', '*.nonce', '*.code_verifier', '*.codeVerifier',
      ],
      censor: '[redacted]',
    },
    base: { service: 'rolegate' },
    // The request being served (request-context.ts), on every line logged while serving it.
    mixin: () => {
      const requestId = currentRequestId();
      return requestId === undefined ? {} : { requestId };
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
