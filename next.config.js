// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The release layout (lib/build/release.cjs, the Dockerfile): .next/standalone holds the traced
  // node_modules; the release step adds our server, static files, migrations and this file.
  output: 'standalone',
  reactStrictMode: true,
  // forbidden() in admin pages answers a real HTTP 403 (lib/server/admin/page-guard.ts).
  experimental: { authInterrupts: true },
  // Native and server-only packages stay outside the bundle.
  serverExternalPackages: ['better-sqlite3', 'pg', 'pino', '@prisma/client', '@prisma/adapter-better-sqlite3', '@prisma/adapter-pg'],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'no-referrer' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ];
  },
};
module.exports = nextConfig;
