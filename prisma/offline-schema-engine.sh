#!/bin/sh
# Stand-in for Prisma's schema engine, which cannot be downloaded here. `prisma generate` only checks
# that the binary exists; migrations are our own checked-in SQL (prisma/migrate.ts), so nothing calls it.
echo "rolegate: Prisma's schema engine is not used; run 'npm run migrate' instead" >&2
exit 1
