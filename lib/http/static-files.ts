import "server-only";
import { readdirSync, readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join, relative, sep } from "node:path";
import { processWide } from "../server/process-wide";

// The browser's scripts and style sheets (/_next/static: named by their content, so never
// changed) were compressed once with brotli when the app was built (scripts/compress-static.mjs).
// A browser that accepts brotli gets that file, about a sixth smaller than Next's gzip and made
// with no work per request; any other request goes on to Next as before.

const PREFIX = "/_next/static/";
const TYPES: Record<string, string> = {
  js: "application/javascript; charset=UTF-8",
  css: "text/css; charset=UTF-8",
};

type Compressed = { body: Buffer; type: string };

/** The build's .br files, by the URL path of the file each compresses: read once. */
function compressedFiles(root = join(process.cwd(), ".next", "static")): Map<string, Compressed> {
  const files = new Map<string, Compressed>();
  let entries;
  try {
    entries = readdirSync(root, { recursive: true, withFileTypes: true });
  } catch {
    return files; // no build here (npm run dev): Next serves everything
  }
  for (const entry of entries) {
    const match = /\.(js|css)\.br$/.exec(entry.name);
    if (!entry.isFile() || !match) continue;
    const path = join(entry.parentPath, entry.name);
    const url = PREFIX + relative(root, path).split(sep).join("/").slice(0, -".br".length);
    files.set(url, { body: readFileSync(path), type: TYPES[match[1]!]! });
  }
  return files;
}

/** Whether an Accept-Encoding header takes brotli ("br", "gzip, br", "br;q=0.8"; not "br;q=0"). */
export function acceptsBrotli(header: string | undefined): boolean {
  for (const part of (header ?? "").split(",")) {
    const [coding = "", ...params] = part.split(";").map((s) => s.trim().toLowerCase());
    if (coding !== "br") continue;
    const q = params.find((p) => p.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  }
  return false;
}

/** Sends the brotli file for a GET of a static script or style sheet, if the browser takes it
 *  and the build made one; false otherwise (Next answers). */
export function serveCompressedStatic(request: IncomingMessage, response: ServerResponse): boolean {
  const { method, url } = request;
  if ((method !== "GET" && method !== "HEAD") || !url?.startsWith(PREFIX)) return false;
  const files = processWide("compressedStatic", compressedFiles);
  const file = files.get(url.split("?")[0]!);
  if (!file || !acceptsBrotli(request.headers["accept-encoding"])) return false;
  response.writeHead(200, {
    "Content-Type": file.type,
    "Content-Encoding": "br",
    "Content-Length": file.body.length,
    "Cache-Control": "public, max-age=31536000, immutable",
    Vary: "Accept-Encoding",
    "X-Content-Type-Options": "nosniff",
  });
  response.end(method === "HEAD" ? undefined : file.body);
  return true;
}
