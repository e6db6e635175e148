// `npm run bench:load`: the morning rush, measured on the server users run. Builds once, then for
// PostgreSQL (a fresh database) and for the embedded PGlite: starts the image's server (the
// Dockerfile's final stage on the standalone build, tests/deploy/image.ts), measures the argon2
// bound with the server idle (verifies/s of the product's own @node-rs/argon2 at its parameters
// on every core, and the CPU of one verify), then real no-JavaScript form posts: steady sign-ins
// and Check Answers at 8 clients with the CPU the server and the database spent on each, a
// 500-client rush, pages/s, peak memory and the JavaScript a first visit loads. Prints one table;
// every figure that compares is a ratio measured in this one run.
import { execFileSync } from "node:child_process";
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { availableParallelism, setPriority, tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { hash, verify } from "@node-rs/argon2";
import { migrateDatabase, openPglite, openPostgres, type Database } from "../db/client";
import { securityAnswers, users } from "../db/schema";
import { normaliseAnswer } from "../lib/reset/answers";
import { ARGON2_OPTIONS, hashSecret } from "../lib/crypto/hashing";
import { SECURITY_QUESTIONS } from "../lib/reset/questions";
import { Browser, formWith, questionLabels, type Page } from "../tests/cluster/browserless";
import { freshDatabase, secrets, seedStudents } from "../tests/deploy/database";
import { buildImage, startServer, untilHealthy, type Image, type Server } from "../tests/deploy/image";

const PORT = Number(process.env.BENCH_PORT ?? 3290);
const STEADY_S = Number(process.env.BENCH_STEADY_SECONDS ?? 20);
const RUSH_S = Number(process.env.BENCH_RUSH_SECONDS ?? 15);
const CLIENTS = 8;
const RUSH_CLIENTS = 500;
const STUDENTS = 600;
const PASSWORD = "Morning-Bell-Rings-2031";
const ANSWERS: Record<number, string> = { 1: "hamster", 2: "lavender", 3: "chess club" };
const TICK_MS = 1000 / Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim() || 100);

type Row = Record<string, string>;

/** CPU (user + system) of the processes `pids`, in ms. */
function cpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // ended meanwhile
    }
  }
  return ticks * TICK_MS;
}

/** CPU of a process's main thread (the request thread of a Node server), in ms. */
function mainThreadCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/task/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/** CPU of a process's threads by what they do, in ms: the request thread, the hashing threads
 *  (lib/crypto/argon2-threads.ts runs them at nice 10) and the rest by name (V8's helpers, which
 *  collect garbage and compile; libuv's pool, which writes the log). */
function threadCpuMs(pid: number): Map<string, number> {
  const byKind = new Map<string, number>();
  let tids: string[] = [];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return byKind;
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const kind = tid === String(pid) ? "request thread" : fields[16] === "10" ? "hashing" : name;
      byKind.set(kind, (byKind.get(kind) ?? 0) + (Number(fields[11]) + Number(fields[12])) * TICK_MS);
    } catch {
      // ended meanwhile
    }
  }
  return byKind;
}

/** The server's threads' CPU since `before`, per unit of work: "hashing 7.1, request thread 4.9, …". */
function threadsSince(pid: number, before: Map<string, number>, units: number): string {
  return [...threadCpuMs(pid)]
    .map(([kind, ms]) => [kind, (ms - (before.get(kind) ?? 0)) / units] as const)
    .filter(([, ms]) => ms >= 0.05)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, ms]) => `${kind} ${fixed(ms, 1)}`)
    .join(", ");
}

/** PostgreSQL's processes on this machine (the postmaster and its backends). */
function postgresPids(): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, "utf8").startsWith("postgres");
      } catch {
        return false;
      }
    })
    .map(Number);
}

const quantile = (values: number[], q: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
const fixed = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : "–");

/** argon2id verifies/s on every core with the server idle, and the CPU one verify takes. */
async function argon2Bound(): Promise<{ perSecond: number; cpuMsEach: number }> {
  const stored = await hash(PASSWORD, ARGON2_OPTIONS);
  const until = performance.now() + 5000;
  let count = 0;
  const cpuBefore = process.cpuUsage();
  const loop = async () => {
    while (performance.now() < until) {
      await verify(stored, PASSWORD);
      count++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: availableParallelism() }, loop));
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return { perSecond: count / seconds, cpuMsEach: (cpu.user + cpu.system) / 1000 / count };
}

// The 500 clients stand for phones and laptops with processors of their own. On this one machine
// the load generator runs before the server when both want a core (a higher priority for its main
// thread while it measures, when allowed; the server it started keeps the usual one), so the
// latencies it sees are the server's, not its own queue behind the server's work.
let clientPriority = "the same priority as the server";
function clientsFirst(first: boolean): void {
  try {
    setPriority(first ? -10 : 0);
    if (first) clientPriority = "nice -10, the server at 0";
  } catch {
    if (first) console.error("[bench:load] the load generator's priority could not be raised (not root)");
  }
}

/** The students (all with the same password and answers), hashed once. */
async function seed(database: Database): Promise<void> {
  const { db } = database;
  await seedStudents(db, "bench", STUDENTS, PASSWORD);
  const answerHashes = await Promise.all(
    Object.values(ANSWERS).map((answer) => hashSecret(normaliseAnswer(answer))),
  );
  const students = await db.select({ id: users.id }).from(users);
  await db.insert(securityAnswers).values(
    students.flatMap(({ id }) =>
      Object.keys(ANSWERS).map((questionId, position) => ({
        userId: id,
        position: position + 1,
        questionId: Number(questionId),
        answerHash: answerHashes[position]!,
      })),
    ),
  );
}

/** Under BENCH_CPU_PROFILE, prints when a phase ran on the monotonic clock the server's V8 profile
 *  stamps its samples with (µs), so a profile's samples can be cut to that phase. */
function profileWindow(phase: string) {
  const now = () => process.hrtime.bigint() / 1000n;
  const from = now();
  return {
    end: () => {
      if (process.env.BENCH_CPU_PROFILE)
        console.log(`[bench:load] profile window ${phase}: ${from} ${now()}`);
    },
  };
}

/** `clients` loops of `work` for `seconds`; the finished ones per second. */
async function steady(
  seconds: number,
  clients: number,
  work: (client: number, n: number) => Promise<boolean>,
) {
  const until = performance.now() + seconds * 1000;
  let done = 0;
  let failed = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let n = 0; performance.now() < until; n++) {
        if (await work(client, n)) done++;
        else failed++;
      }
    }),
  );
  return { perSecond: done / ((performance.now() - started) / 1000), failed };
}

/** The bytes a browser receives for `url` (Accept-Encoding: br, gzip), as sent. */
function wireBytes(url: URL): Promise<number> {
  return new Promise((done, fail) => {
    get(url, { headers: { "accept-encoding": "br, gzip" } }, (response) => {
      let bytes = 0;
      response.on("data", (chunk: Buffer) => (bytes += chunk.length));
      response.on("end", () => done(bytes));
    }).on("error", fail);
  });
}

/** The JavaScript a first visit of `path` loads, compressed as sent, in kB. A script marked
 *  noModule (the polyfills) is for browsers without modules: a current browser never loads it. */
async function firstLoadJsKb(base: string, html: string): Promise<number> {
  const scripts = new Set<string>();
  for (const [, attributes = ""] of html.matchAll(/<script([^>]*)>/g)) {
    const src = /\bsrc="([^"]+)"/.exec(attributes)?.[1];
    if (src && !/\bnomodule\b/i.test(attributes)) scripts.add(src);
  }
  let bytes = 0;
  for (const src of scripts) bytes += await wireBytes(new URL(src, base));
  return bytes / 1024;
}

async function measure(image: Image, engine: "PostgreSQL" | "PGlite"): Promise<Row> {
  let cleanup = async () => {};
  const env: Record<string, string> = {
    ...secrets(),
    TRUST_PROXY_HOPS: "0",
    RATE_LIMIT_SIGN_IN: "100000000",
    RATE_LIMIT_RESET: "100000000",
    RATE_LIMIT_RESET_PAGES: "100000000",
  };
  if (engine === "PostgreSQL") {
    const fresh = await freshDatabase("bench");
    const database = await openPostgres(fresh.url, { max: 2 });
    await migrateDatabase(database);
    await seed(database);
    await database.close();
    env.DATABASE_URL = fresh.url;
    cleanup = fresh.drop;
  } else {
    const dir = mkdtempSync(join(tmpdir(), "sspr-bench-pglite-"));
    const database = await openPglite(dir);
    await migrateDatabase(database);
    await seed(database);
    await database.close();
    env.DATA_DIR = dir;
    cleanup = () => Promise.resolve(rmSync(dir, { recursive: true, force: true }));
  }
  // BENCH_CPU_PROFILE=<folder>: the server writes a V8 CPU profile there when it stops.
  const profile = process.env.BENCH_CPU_PROFILE;
  const server: Server = startServer(image, PORT, env, [
    ...(profile ? ["--cpu-prof", `--cpu-prof-dir=${profile}`] : []),
    // BENCH_NODE_FLAGS="--trace-gc …": more of the server's own account (in BENCH_SERVER_LOG).
    ...(process.env.BENCH_NODE_FLAGS?.split(" ").filter(Boolean) ?? []),
  ]);
  try {
    await untilHealthy(server);
    const base = server.base;
    const loginForm = formWith(await new Browser(base).get("/login"), "Log In");
    const searchForm = formWith(await new Browser(base).get("/sspr/search"), "Search");
    const signIn = (i: number) =>
      new Browser(base).submit(loginForm, { loginId: `bench_${i % STUDENTS}`, password: PASSWORD });
    // Warm up every path once.
    for (let i = 0; i < 5; i++) await signIn(i);
    await new Promise((done) => setTimeout(done, 2000));

    const bound = await argon2Bound();
    clientsFirst(true);
    const pids = () => [server.pid, ...(engine === "PostgreSQL" ? postgresPids() : [])];

    let cpuBefore = cpuMs(pids());
    const databaseBefore = engine === "PostgreSQL" ? cpuMs(postgresPids()) : 0;
    const mainBefore = mainThreadCpuMs(server.pid);
    const threadsBefore = threadCpuMs(server.pid);
    const window = profileWindow("sign-ins");
    const signIns = await steady(STEADY_S, CLIENTS, async (client, n) => {
      const page = await signIn(client * 10_000 + n);
      return page.status === 303 && page.location === "/";
    });
    window.end();
    const signInCpuMs = (cpuMs(pids()) - cpuBefore) / (signIns.perSecond * STEADY_S);
    const signInMainMs = (mainThreadCpuMs(server.pid) - mainBefore) / (signIns.perSecond * STEADY_S);
    const signInCount = signIns.perSecond * STEADY_S;
    const threadsMs = threadsSince(server.pid, threadsBefore, signInCount);
    const signInDatabaseMs =
      engine === "PostgreSQL"
        ? (cpuMs(postgresPids()) - databaseBefore) / (signIns.perSecond * STEADY_S)
        : Number.NaN;

    const check = async (client: number, n: number, browser = new Browser(base)) => {
      const loginId = `bench_${(client * 97 + n) % STUDENTS}`;
      const search = await browser.submit(searchForm, { loginId });
      if (search.location !== "/sspr/challenge") return false;
      const challenge = await browser.follow(search);
      const labels = questionLabels(challenge.html);
      const answers = labels.map(
        (label) => ANSWERS[SECURITY_QUESTIONS.find((q) => q.text === label)?.id ?? 0] ?? "",
      );
      const checked: Page = await browser.submit(formWith(challenge, "Check Answers"), {
        answer1: answers[0] ?? "",
        answer2: answers[1] ?? "",
      });
      return checked.location === "/sspr/change";
    };
    cpuBefore = cpuMs(pids());
    const checkThreadsBefore = threadCpuMs(server.pid);
    const checkWindow = profileWindow("check-answers");
    const checks = await steady(STEADY_S / 2, CLIENTS, check);
    checkWindow.end();
    const checkCpuMs = (cpuMs(pids()) - cpuBefore) / (checks.perSecond * (STEADY_S / 2));
    const checkThreadsMs = threadsSince(server.pid, checkThreadsBefore, checks.perSecond * (STEADY_S / 2));

    // The rush: 500 clients posting sign-ins back to back; one refused waits the Retry-After.
    const accepted: number[] = [];
    const refused: number[] = [];
    // The refusals of the first second (the 500 clients' first posts, all at once) apart.
    const refusedLater: number[] = [];
    const other = new Map<string, number>();
    const linesBefore = server.lines().length;
    const rushWindow = profileWindow("rush");
    const rushStarted = performance.now();
    const generatorBefore = process.cpuUsage();
    // On the wire: from the moment a request's headers left the client (undici's own channels,
    // fetch's HTTP client) to its answer's headers, apart from the time a request waited in the
    // load generator before it was sent (500 posts begun in one tick are sent one by one).
    const sentAt = new WeakMap<object, number>();
    const wire = { refused: [] as number[], accepted: [] as number[] };
    // Each 503 by its request id: when it was sent (ms since the epoch), to find in the server's log
    // when the server read it.
    const refusedSent = new Map<string, number>();
    const onSent = (message: unknown) =>
      sentAt.set((message as { request: object }).request, performance.now());
    const onAnswer = (message: unknown) => {
      const { request, response } = message as {
        request: object;
        response: { statusCode: number; headers: Buffer[] };
      };
      const sent = sentAt.get(request);
      if (sent === undefined) return;
      const ms = performance.now() - sent;
      if (response.statusCode === 503) {
        wire.refused.push(ms);
        const at = response.headers.findIndex(
          (name, i) => i % 2 === 0 && /^x-request-id$/i.test(name.toString()),
        );
        if (at >= 0) refusedSent.set(String(response.headers[at + 1]), performance.timeOrigin + sent);
      } else if (response.statusCode === 303) wire.accepted.push(ms);
    };
    subscribe("undici:client:sendHeaders", onSent);
    subscribe("undici:request:headers", onAnswer);
    const generatorDelay = monitorEventLoopDelay({ resolution: 5 });
    generatorDelay.enable();
    const rushUntil = rushStarted + RUSH_S * 1000;
    let rushN = 0;
    await Promise.all(
      Array.from({ length: RUSH_CLIENTS }, async () => {
        while (performance.now() < rushUntil) {
          const started = performance.now();
          const page = await signIn(rushN++).catch(() => null);
          const ms = performance.now() - started;
          if (page?.status === 303 && page.location === "/") accepted.push(ms);
          else if (page?.status === 503 && page.retryAfter) {
            refused.push(ms);
            if (started - rushStarted > 1000) refusedLater.push(ms);
            // A person told "busy, try again in a moment" tries again after that moment.
            await new Promise((done) => setTimeout(done, Number(page.retryAfter) * 1000));
          } else {
            const kind = page ? `${page.status}${page.location ? ` → ${page.location}` : ""}` : "no answer";
            other.set(kind, (other.get(kind) ?? 0) + 1);
          }
        }
      }),
    );
    rushWindow.end();
    unsubscribe("undici:client:sendHeaders", onSent);
    unsubscribe("undici:request:headers", onAnswer);
    // How busy the load generator itself was: near one core, its own queue is in its latencies.
    generatorDelay.disable();
    const generatorCpu = process.cpuUsage(generatorBefore);
    const generatorBusy =
      (generatorCpu.user + generatorCpu.system) / 1000 / (performance.now() - rushStarted);
    const peakMiB = server.peakMiB();
    // The server's own view (its request lines): from the request's arrival to its answer.
    const rushLines = server
      .lines()
      .slice(linesBefore)
      .filter((l) => l.route === "/login" && l.method === "POST");
    // A 503's wait before the server read it: from its sending to its arrival in the server (its
    // log line's time, when it was answered, less its duration), on the machine's one clock.
    const unread = rushLines.flatMap((l) => {
      const sent = refusedSent.get(String(l.reqId));
      return sent === undefined ? [] : [Date.parse(String(l.time)) - Number(l.durationMs) - sent];
    });
    const serverMs = (status: number) =>
      rushLines.filter((l) => l.status === status).map((l) => Number(l.durationMs));

    const pages = async (path: string) => {
      const before = mainThreadCpuMs(server.pid);
      const { perSecond } = await steady(
        8,
        CLIENTS,
        async () => await fetch(`${base}${path}`).then((r) => r.arrayBuffer().then(() => r.ok)),
      );
      return { perSecond, mainMs: (mainThreadCpuMs(server.pid) - before) / (perSecond * 8) };
    };
    const pagesWindow = profileWindow("pages");
    const { perSecond: loginPages, mainMs: loginPageMs } = await pages("/login");
    pagesWindow.end();
    const { perSecond: ssprPages } = await pages("/sspr");
    const loginJs = await firstLoadJsKb(base, (await new Browser(base).get("/login")).html);
    const ssprJs = await firstLoadJsKb(base, (await new Browser(base).get("/sspr/search")).html);
    const resetting = new Browser(base);
    if (!(await check(0, 1, resetting))) throw new Error("Check Answers did not lead to /sspr/change");
    const changeJs = await firstLoadJsKb(base, (await resetting.get("/sspr/change")).html);

    return {
      engine,
      "argon2 bound (verifies/s, server idle)": fixed(bound.perSecond),
      "argon2 CPU per verify": `${fixed(bound.cpuMsEach, 1)} ms`,
      "sign-ins/s at 8 clients (÷ bound)": `${fixed(signIns.perSecond)} (${fixed(signIns.perSecond / bound.perSecond, 2)})`,
      "CPU per sign-in, server + database": `${fixed(signInCpuMs, 1)} ms`,
      "  of which the request thread (hashing runs beside it)": `${fixed(signInMainMs, 1)} ms`,
      "  the server's threads, ms per sign-in": threadsMs,
      "  of which PostgreSQL's processes":
        engine === "PostgreSQL" ? `${fixed(signInDatabaseMs, 1)} ms` : "(in the server)",
      "efficiency (argon2 CPU ÷ sign-in CPU)": fixed(bound.cpuMsEach / signInCpuMs, 2),
      "Check Answers/s at 8 clients (× 2 ÷ bound)": `${fixed(checks.perSecond, 1)} (${fixed((2 * checks.perSecond) / bound.perSecond, 2)})`,
      "CPU per Check Answers (search, page, check)": `${fixed(checkCpuMs, 1)} ms (efficiency ${fixed((2 * bound.cpuMsEach) / checkCpuMs, 2)})`,
      "  the server's threads, ms per Check Answers": checkThreadsMs,
      "rush, 500 clients: accepted p50 / p99": `${accepted.length} in ${fixed(quantile(accepted, 0.5))} / ${fixed(quantile(accepted, 0.99))} ms`,
      "rush: 503 with Retry-After, p99 (after the first second)": `${refused.length} in ${fixed(quantile(refused, 0.99))} ms (${fixed(quantile(refusedLater, 0.99))} ms)`,
      "rush, on the wire (sent → answered): accepted p99, 503 p99": `${fixed(quantile(wire.accepted, 0.99))} ms, ${fixed(quantile(wire.refused, 0.99))} ms`,
      "rush, 503s: sent → read by the server, p50 / p99 (ms clock)": `${fixed(quantile(unread, 0.5))} / ${fixed(quantile(unread, 0.99))} ms`,
      "rush, in the server: accepted p99, 503 p99": `${fixed(quantile(serverMs(303), 0.99))} ms, ${fixed(quantile(serverMs(503), 0.99), 1)} ms`,
      "rush: the load generator's CPU (cores); its event loop's delay p99": `${fixed(generatorBusy, 2)}; ${fixed(generatorDelay.percentile(99) / 1e6)} ms (max ${fixed(generatorDelay.max / 1e6)} ms)`,
      "rush: other outcomes": other.size === 0 ? "none" : JSON.stringify(Object.fromEntries(other)),
      "peak server memory (RSS)": `${fixed(peakMiB)} MiB`,
      // The host's speed moves every figure from run to run; over the bound (or argon2's CPU), a
      // page's figure compares with another run's.
      "GET /login, GET /sspr pages/s at 8 clients (÷ bound)": `${fixed(loginPages)}, ${fixed(ssprPages)} (${fixed(loginPages / bound.perSecond, 2)}, ${fixed(ssprPages / bound.perSecond, 2)})`,
      "GET /login: request thread per page (÷ argon2 CPU per verify)": `${fixed(loginPageMs, 1)} ms (${fixed(loginPageMs / bound.cpuMsEach, 2)})`,
      "first-load JavaScript, as sent: /login, /sspr/search, /sspr/change": `${fixed(loginJs)}, ${fixed(ssprJs)}, ${fixed(changeJs)} kB`,
    };
  } catch (error) {
    // What the server said last: its own account of the failure.
    console.error(server.output().slice(-4000));
    throw error;
  } finally {
    clientsFirst(false);
    await server.stop();
    // BENCH_SERVER_LOG=<file>: everything the server wrote, for reading after the run.
    if (process.env.BENCH_SERVER_LOG)
      writeFileSync(`${process.env.BENCH_SERVER_LOG}.${engine}`, server.output());
    await cleanup();
  }
}

if (process.env.BENCH_SKIP_BUILD !== "1") execFileSync("npm", ["run", "build"], { stdio: "inherit" });
const image = buildImage();
try {
  const rows: Row[] = [];
  for (const engine of ["PostgreSQL", "PGlite"] as const) {
    if (process.env.BENCH_ENGINES && !process.env.BENCH_ENGINES.includes(engine)) continue;
    console.error(`[bench:load] ${engine} …`);
    rows.push(await measure(image, engine));
  }
  const keys = Object.keys(rows[0] ?? {}).filter((key) => key !== "engine");
  console.log(`\n| ${["", ...rows.map((r) => r.engine)].join(" | ")} |`);
  console.log(`|${["---", ...rows.map(() => "---")].join("|")}|`);
  for (const key of keys) console.log(`| ${[key, ...rows.map((r) => r[key])].join(" | ")} |`);
  console.log(
    `\n(${availableParallelism()} cores; steady ${STEADY_S} s, Check Answers ${STEADY_S / 2} s, rush ${RUSH_S} s; load generator at ${clientPriority})`,
  );
} finally {
  image.remove();
}
