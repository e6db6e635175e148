/** @type {import('next').NextConfig} */
const nextConfig = {
  // CI type-checks the whole project once (`npm run check`, tsc, tests included) before it builds
  // twice; every other build (the image, Vercel, a developer's) type-checks as it builds.
  typescript: { ignoreBuildErrors: process.env.CI === "true" },
  // What the container runs (Dockerfile): `node server.js` in a copy of .next/standalone, with
  // .next/static and db/migrations beside it; tests/cluster/standalone.test.ts runs the same.
  output: "standalone",
  // `npm run dev` opened at http://127.0.0.1:3000 (not only localhost) must load its development
  // resources: Next refuses them to any other origin.
  allowedDevOrigins: ["127.0.0.1", "[::1]"],
  // PGlite loads its WASM and data files from its own package folder. postgres.js is loaded from
  // node_modules as installed, so what runs is what lib/server/postgres-patch.ts checks at start.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres"],
  poweredByHeader: false,
  // The cohort upload (a CSV of at most 2 MB) is the largest form; proxy.ts refuses any other
  // post over 64 KB before it is read (MAX_FORM_BYTES), with a page that says so.
  experimental: { serverActions: { bodySizeLimit: "3mb" } },
  // The migrations are read at run time: they ship with the standalone build too. So does argon2,
  // which only its worker threads load, by name, where the build's tracing cannot see it
  // (lib/crypto/argon2-threads.ts): the package and its native binary for this platform.
  outputFileTracingIncludes: {
    "/**": [
      "./db/migrations/**/*",
      "./node_modules/@node-rs/argon2/**/*",
      "./node_modules/@node-rs/argon2-*/**/*",
    ],
  },
};

export default nextConfig;
