# Rolegate's image (issue 14 §2). Build: docker build -t rolegate .   Run: see README "Container".
# Stage 1 builds with the dev dependencies; stage 2 is only .next/standalone as lib/build/release.cjs lays
# it out — the same folder e2e/api/release.spec.ts starts alone from a clean directory with only `node`.
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY . .
RUN npm ci --no-audit --no-fund && npm run build

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=3000 \
    ROLEGATE_CONFIG=/config/rolegate.yaml \
    DATABASE_URL=file:/data/rolegate.db
WORKDIR /app
# Owned by root and not writable by the process: the app only writes to /data (SQLite) and /tmp.
COPY --from=build /src/.next/standalone ./
RUN mkdir -p /data /config && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# Readiness: the database answers, the live config is loaded, a signing key is published.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM drains requests in flight and exits 0 (README "Deploying").
STOPSIGNAL SIGTERM
CMD ["node", "rolegate.cjs"]
