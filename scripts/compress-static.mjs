// After `next build` (npm run build): every script and style sheet in .next/static compressed
// once, with brotli at its best, into a .br file beside it. The server sends that file to a
// browser that accepts brotli (lib/http/static-files.ts); Next itself sends gzip, made per request.
// On Vercel the platform compresses its static files itself: nothing to do there.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const root = join(process.cwd(), ".next", "static");
if (process.env.VERCEL) process.exit(0);

let files = 0;
let before = 0;
let after = 0;
for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !/\.(js|css)$/.test(entry.name)) continue;
  const path = join(entry.parentPath, entry.name);
  const source = readFileSync(path);
  const compressed = brotliCompressSync(source, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
    },
  });
  writeFileSync(`${path}.br`, compressed);
  files += 1;
  before += source.length;
  after += compressed.length;
}
console.log(
  `compress-static: ${files} files in .next/static, ${Math.round(before / 1024)} kB → ${Math.round(after / 1024)} kB (brotli)`,
);
