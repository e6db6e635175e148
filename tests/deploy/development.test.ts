// Story: a developer runs `npm run dev` and opens http://127.0.0.1:3000 rather than localhost. Next
// refuses its development resources (hot reload, the page's scripts) to any origin it was not
// told about, so the page would never hydrate; the loopback origins are allowed
// (next.config.mjs, allowedDevOrigins), and any other site is still refused.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const PORT = 3260;
const BASE = `http://127.0.0.1:${PORT}`;
let child: ChildProcess;
let dataDir: string;
let output = "";

/** A development resource asked for from a page of `origin`, as the browser's hot reload does. */
async function devResource(origin: string): Promise<number> {
  const response = await fetch(`${BASE}/_next/webpack-hmr`, { headers: { Origin: origin } });
  await response.arrayBuffer();
  return response.status;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "sspr-dev-"));
  child = spawn("npx", ["next", "dev", "-p", String(PORT)], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NODE_ENV: "development", DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1" },
  });
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  for (const deadline = Date.now() + 90_000; Date.now() < deadline; await sleep(500)) {
    try {
      await devResource(`http://localhost:${PORT}`);
      return;
    } catch {
      // not listening yet
    }
  }
  throw new Error(`next dev did not answer:\n${output.slice(-2000)}`);
}, 120_000);

afterAll(async () => {
  if (child?.pid) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // gone already
    }
    await sleep(1000);
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // gone
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe("npm run dev, opened at a loopback address", () => {
  it("serves its development resources to pages of 127.0.0.1, [::1] and localhost", async () => {
    expect(await devResource(`http://127.0.0.1:${PORT}`)).not.toBe(403);
    expect(await devResource(`http://[::1]:${PORT}`)).not.toBe(403);
    expect(await devResource(`http://localhost:${PORT}`)).not.toBe(403);
  });

  it("still refuses them to any other site", async () => {
    expect(await devResource("http://evil.example")).toBe(403);
    expect(await devResource(`http://192.0.2.10:${PORT}`)).toBe(403);
  });
});
