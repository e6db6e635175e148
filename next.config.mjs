/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files from its own package folder.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2"],
  poweredByHeader: false,
  // A 1 MB value typed into a form must reach the server's validation and get a clear message.
  experimental: { serverActions: { bodySizeLimit: "4mb" } },
  // The migrations are read at run time: they ship with the standalone build too.
  outputFileTracingIncludes: { "/**": ["./db/migrations/**/*"] },
};

export default nextConfig;
