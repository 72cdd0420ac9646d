/**
 * The last filter before a library's free text reaches the log (issue 13 §4): openid-client puts state and
 * nonce values into its messages ("state mismatch, expected …, got: …"), and console output of libraries
 * may carry anything. Every run that could be a state, nonce, authorization code, PKCE verifier or JWT —
 * 16+ characters of base64url, base64 or hex with a digit in them, or 24+ without a dot — becomes
 * `[redacted]`; words and host names (no digit, dotted or short) stay readable.
 */
const TOKEN_RUN = /[A-Za-z0-9._~+=-]{16,}/g;

const secretLike = (run: string) => /\d/.test(run) || (run.length >= 24 && !run.includes('.'));

export function scrubSecrets(text: string, maxLength = 300): string {
  return text
    .slice(0, maxLength * 2)
    .replace(TOKEN_RUN, (run) => (secretLike(run) ? '[redacted]' : run))
    .slice(0, maxLength);
}
