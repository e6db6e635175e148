# MIMS Student SSPR: the Next.js standalone server in a small image (README.md, "Deploy").
# No secret is baked in: every setting comes from the environment at run time.

# Dependencies. postinstall (patch-package) patches the postgres driver: patches/ must be present.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --no-audit --no-fund

# The build, with the full toolchain.
FROM node:20-bookworm-slim AS builder
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npm run build

# One-shot jobs that need the toolchain (tsx): `npm run db:migrate` and `npm run admin:create`.
FROM builder AS migrate
CMD ["npm", "run", "db:migrate"]

# What runs in production: `node server.js` from .next/standalone, as the non-root user `node`.
# No Docker engine runs in CI: tests/deploy/image.ts reads this stage (its WORKDIR, ENV, RUN, COPY,
# HEALTHCHECK and CMD lines) and repeats it on the build, and tests/deploy/*.test.ts run the server
# it gives on a fresh PostgreSQL database. Change them together.
FROM node:20-bookworm-slim AS runner
WORKDIR /app
ENV NODE_ENV=production
ENV PORT=3000
ENV HOSTNAME=0.0.0.0
ENV NEXT_TELEMETRY_DISABLED=1
# Without DATABASE_URL the embedded database lives in DATA_DIR (.data): writable by `node`, so a
# volume mounted there starts with the right owner.
RUN mkdir .data && chown node:node .data
COPY --from=builder --chown=node:node /app/.next/standalone ./
COPY --from=builder --chown=node:node /app/.next/static ./.next/static
COPY --from=builder --chown=node:node /app/db/migrations ./db/migrations
USER node
EXPOSE 3000
# SIGTERM drains in-flight requests (up to 10 s): give the container a longer stop grace.
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server.js"]
