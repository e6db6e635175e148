// Story: readiness follows what the instance can really do. A server started on a database nobody
// has migrated is alive (/api/health 200) but not ready (503, "migrations") until the migrate
// stage has run; while PostgreSQL is stopped it is still alive but not ready (503, "database"),
// and ready again, by itself, once PostgreSQL is back. Neither answer is cached, and neither says
// more than its one word of reason. Stops this machine's PostgreSQL: runs only when no other run
// uses it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres, type Database } from "@/db/client";
import {
  ensurePostgresRunning,
  startPostgres,
  stopPostgres,
  waitForExclusiveUse,
  waitForPostgres,
} from "../cluster/postgres-ctl";
import { freshDatabase, secrets, type FreshDatabase } from "./database";
import { buildImage, migrate, startServer, untilHealthy, type Image, type Server } from "./image";

const PORT = 3242;
const WAIT_FOR_OTHERS_MS = 180_000;

let image: Image;
let database: FreshDatabase;
let server: Server;

type Probe = { status: number; body: unknown; cacheControl: string | null };

async function probe(path: string): Promise<Probe> {
  const response = await fetch(`${server.base}${path}`, { signal: AbortSignal.timeout(10_000) });
  return {
    status: response.status,
    body: await response.json(),
    cacheControl: response.headers.get("cache-control"),
  };
}

/** Polls /api/ready until it answers `status`; every answer seen on the way. */
async function readyUntil(status: number, timeoutMs: number): Promise<Probe[]> {
  const seen: Probe[] = [];
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const answer = await probe("/api/ready");
    seen.push(answer);
    if (answer.status === status) return seen;
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`/api/ready never answered ${status}: ${JSON.stringify(seen.slice(-3))}`);
}

beforeAll(async () => {
  image = buildImage();
  database = await freshDatabase("ready");
  server = startServer(image, PORT, {
    DATABASE_URL: database.url,
    ...secrets(),
    TRUST_PROXY_HOPS: "0",
  });
  await untilHealthy(server);
});

afterAll(async () => {
  await ensurePostgresRunning();
  await server?.stop();
  await database?.drop();
  image?.remove();
});

describe("GET /api/ready and /api/health", () => {
  it("is not ready on a database nobody migrated, and ready once the migrate stage has run", async () => {
    const before = await probe("/api/ready");
    expect(before).toEqual({
      status: 503,
      body: { status: "unavailable", reason: "migrations" },
      cacheControl: "no-store",
    });
    expect((await probe("/api/health")).status).toBe(200);
    migrate(database.url);
    await readyUntil(200, 10_000);
    expect(await probe("/api/ready")).toEqual({
      status: 200,
      body: { status: "ready" },
      cacheControl: "no-store",
    });
  });

  it(
    "answers 503 while PostgreSQL is stopped (the process stays alive), and 200 after it is back",
    async () => {
      const check: Database = await openPostgres(database.url, { max: 1 });
      try {
        const others = await waitForExclusiveUse(check.db, WAIT_FOR_OTHERS_MS);
        if (others.length > 0) throw new Error(`PostgreSQL is in use, not stopping it: ${others.join("; ")}`);
      } finally {
        await check.close();
      }
      await stopPostgres();
      try {
        const down = await readyUntil(503, 15_000);
        expect(down.at(-1)!.body).toEqual({ status: "unavailable", reason: "database" });
        // Alive all the while: the liveness check asks nothing of the database.
        expect(await probe("/api/health")).toMatchObject({ status: 200, body: { status: "ok" } });
        // Still 503 a moment later: not a blip.
        expect((await probe("/api/ready")).status).toBe(503);
      } finally {
        await startPostgres();
      }
      expect(await waitForPostgres(30_000)).not.toBeNull();
      await readyUntil(200, 30_000);
      // The answers say a word of reason, never an error's text, a host or a version.
      const log = JSON.stringify(await probe("/api/ready"));
      expect(log).not.toMatch(/ECONNREFUSED|postgres|127\.0\.0\.1|\d+\.\d+\.\d+/i);
    },
    WAIT_FOR_OTHERS_MS + 90_000,
  );
});
