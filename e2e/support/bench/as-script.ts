/**
 * A bench file run on its own (`node --import tsx e2e/support/bench/<name>-bench.ts`): runs it, prints its
 * figures as one JSON line `{ "<name>": … }` and exits 0, or says it failed and exits 1.
 */
export function runAsScript(name: string, run: () => Promise<Record<string, unknown>>): void {
  run().then(
    (json) => {
      console.log(JSON.stringify({ [name]: json }));
      process.exit(0);
    },
    (err: unknown) => {
      console.error(`${name} bench failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
