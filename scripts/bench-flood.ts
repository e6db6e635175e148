// `npm run bench:flood`: 500 concurrent sign-ins against one production instance on PostgreSQL,
// sampling the server's memory. Shows that the bounded hashing pool keeps memory flat: requests
// beyond its queue get a 503 with Retry-After instead of 19 MiB of argon2 each.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { migrateDatabase, openPostgres } from "../db/client";
import { seedDemoData } from "../db/seed";

const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const PORT = Number(process.env.BENCH_PORT ?? 3290);
const FLOOD = Number(process.env.BENCH_FLOOD ?? 500);
const base = `http://127.0.0.1:${PORT}`;

/** Resident memory of a process and all its descendants, in MiB. */
function treeRssMiB(root: number): number {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++)
    for (const [pid, ppid] of parents) if (ppid === tree[i]) tree.push(pid);
  let kib = 0;
  for (const pid of tree) {
    try {
      kib += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // Gone.
    }
  }
  return kib / 1024;
}

const name = `sspr_bench_${randomBytes(4).toString("hex")}`;
const admin = await openPostgres(ADMIN_URL, { max: 1 });
await admin.db.execute(sql.raw(`CREATE DATABASE ${name}`));
const url = new URL(ADMIN_URL);
url.pathname = `/${name}`;
const database = await openPostgres(url.toString(), { max: 2 });
await migrateDatabase(database);
await seedDemoData(database.db);
await database.close();

const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT)], {
  env: {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: url.toString(),
    AUTH_SECRET: randomBytes(32).toString("base64"),
    NEXT_TELEMETRY_DISABLED: "1",
    RATE_LIMIT_SIGN_IN: "1000000",
  },
  stdio: "ignore",
  detached: true,
});
try {
  for (let i = 0; ; i++) {
    if (i > 120) throw new Error("the server did not start");
    const ok = await fetch(`${base}/login`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const html = await (await fetch(`${base}/login`)).text();
  const form = /<form[^>]*>([\s\S]*?)<\/form>/.exec(html)?.[1] ?? "";
  const hidden = [...form.matchAll(/<input[^>]*type="hidden"[^>]*>/g)].map((m) => m[0]);
  const field = (tag: string, attr: string) => new RegExp(`${attr}="([^"]*)"`).exec(tag)?.[1] ?? "";
  const body = () => {
    const data = new FormData();
    for (const tag of hidden) data.append(field(tag, "name"), field(tag, "value").replace(/&quot;/g, '"'));
    data.append("loginId", "lim_wei_jie");
    data.append("password", "Not-The-Password-1");
    return data;
  };
  // Warm up, then measure.
  await fetch(`${base}/login`, {
    method: "POST",
    body: body(),
    headers: { origin: base },
    redirect: "manual",
  });
  const baseline = treeRssMiB(server.pid!);
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRssMiB(server.pid!))), 25);
  const started = performance.now();
  const statuses = await Promise.all(
    Array.from({ length: FLOOD }, () =>
      fetch(`${base}/login`, {
        method: "POST",
        body: body(),
        headers: { origin: base },
        redirect: "manual",
      }).then(
        async (r) => ((await r.text()).includes("The service is busy") ? -r.status : r.status),
        () => 0,
      ),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const counts: Record<number, number> = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  console.log(
    `flood: ${FLOOD} concurrent sign-ins in ${seconds.toFixed(1)} s; responses by status ${JSON.stringify(counts)}`,
  );
  console.log(
    `server memory (RSS, process tree): baseline ${baseline.toFixed(0)} MiB, peak ${peak.toFixed(0)} MiB, peak/baseline ${(peak / baseline).toFixed(2)}`,
  );
} finally {
  process.kill(-server.pid!, "SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await admin.db.execute(sql.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  await admin.close();
}
