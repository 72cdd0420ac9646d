/**
 * Local typing for samlify's module-wide context (`samlify/build/src/api`), which the package's index does not
 * re-export: the test IdP reads it only to see whether a schema validator is already installed.
 */
declare module 'samlify/build/src/api' {
  export function getContext(): { validate?: (xml: string) => Promise<unknown> };
}
