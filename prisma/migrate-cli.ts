/**
 * `npm run migrate`: applies pending migrations to DATABASE_URL (migrate.ts). A file of its own, so that
 * bundling migrate.ts into the server never runs this.
 */
import { DEFAULT_DATABASE_URL, messageOf, migrate } from './migrate';

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const { applied } = await migrate(databaseUrl);
  console.log(
    applied.length > 0
      ? `migrate: applied ${applied.join(', ')}`
      : 'migrate: database is up to date',
  );
}

main().catch((e: unknown) => {
  const cause = e instanceof Error && e.cause !== undefined ? ` (${messageOf(e.cause)})` : '';
  console.error(`migrate: ${messageOf(e)}${cause}`);
  process.exitCode = 1;
});
