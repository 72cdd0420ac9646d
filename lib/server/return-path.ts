/**
 * Where to send someone after signing in (`/signin?callbackUrl=`). Only a path of ours made of plain URL
 * characters: never `//host`, a URL, a backslash, or a tab/newline that a browser strips (turning
 * `/\t/evil.example` into `//evil.example`). Anything else falls back to /roles.
 */
const RETURN_PATH = /^\/(?!\/)[\w\-./?=&%~]{0,200}$/;

export function safeReturnPath(value: string | string[] | undefined): string {
  return typeof value === 'string' && RETURN_PATH.test(value) ? value : '/roles';
}
