// Production instances of the app (`next start` on a copy of the build, see build-snapshot.ts),
// each in its own process group so that stopping one ends npx, next and every child. Loopback only.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export type Instance = { port: number; base: string; stop: () => Promise<void> };

export type InstanceOptions = {
  port: number;
  /** The copy of the build to run. */
  buildDir: string;
  databaseUrl: string;
  authSecret: string;
  /** Extra environment, e.g. other lockout numbers (see lib/server/config.ts). */
  env?: Record<string, string>;
};

/** The suite posts thousands of forms from one address: the per-address rate limits (tested on
 *  their own) must not answer 429 in the middle of a story. */
const SUITE_ENV = {
  RATE_LIMIT_SIGN_IN: "1000000",
  RATE_LIMIT_RESET: "1000000",
  RATE_LIMIT_RESET_PAGES: "1000000",
  // The secrets the app reads back are sealed with keys of their own (required in production).
  ENCRYPTION_KEYS: "cluster:Y2x1c3Rlci1lbmNyeXB0aW9uLWtleS0wMTIzNDU2Nzg5",
};
const READY_TIMEOUT_MS = 60_000;
const START_ATTEMPTS = 3;
/** Each instance's output, for a look after a failure. */
export const LOG_DIR = join(tmpdir(), "sspr-cluster-logs");

/** SIGTERM to the whole group (npx, next and its workers), SIGKILL after 5 s. */
function stopGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (!pid) return Promise.resolve();
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-pid, name);
    } catch {
      // the group is gone already
    }
  };
  const running = child.exitCode === null && child.signalCode === null;
  const exited = running ? new Promise<void>((done) => child.once("exit", () => done())) : null;
  signal("SIGTERM");
  if (!exited) return Promise.resolve();
  const forced = setTimeout(() => signal("SIGKILL"), 5000);
  return exited.then(() => clearTimeout(forced));
}

async function answersLogin(base: string): Promise<boolean> {
  try {
    const response = await fetch(`${base}/login`, { signal: AbortSignal.timeout(5000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

async function startOnce(options: InstanceOptions): Promise<Instance | string> {
  const { port } = options;
  const base = `http://localhost:${port}`;
  const child = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: options.buildDir,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: options.databaseUrl,
      AUTH_SECRET: options.authSecret,
      ...SUITE_ENV,
      // The seed hashed the demo passwords in this process: the instances must use the same pepper.
      ...(process.env.PASSWORD_PEPPERS && { PASSWORD_PEPPERS: process.env.PASSWORD_PEPPERS }),
      ...options.env,
    },
  });
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = join(LOG_DIR, `instance-${port}.log`);
  const log = createWriteStream(logFile, { flags: "a" });
  log.write(`--- next start -p ${port} at ${new Date().toISOString()}\n`);
  let output = "";
  const keep = (chunk: Buffer) => {
    log.write(chunk);
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  // "close", not "exit": the output may still be arriving after the process ended.
  child.once("close", () => log.end());
  const instance: Instance = { port, base, stop: () => stopGroup(child) };
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      return `next start on ${port} exited (${child.exitCode}), see ${logFile}:\n${output}`;
    if (await answersLogin(base)) return instance;
    await sleep(250);
  }
  await instance.stop();
  return `next start on ${port} did not answer GET /login in ${READY_TIMEOUT_MS} ms, see ${logFile}`;
}

/** Starts one instance and waits until GET /login answers 200. */
export async function startInstance(options: InstanceOptions): Promise<Instance> {
  let failure = "";
  for (let attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
    const started = await startOnce(options);
    if (typeof started !== "string") return started;
    failure = started;
    await sleep(3000);
  }
  throw new Error(failure);
}

/** Starts all or none: when one fails, the others are stopped again. */
export async function startInstances(
  ports: number[],
  options: Omit<InstanceOptions, "port">,
): Promise<Instance[]> {
  const results = await Promise.allSettled(ports.map((port) => startInstance({ ...options, port })));
  const started = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  const failed = results.find((r) => r.status === "rejected");
  if (!failed) return started;
  await stopInstances(started);
  throw failed.reason;
}

export async function stopInstances(instances: Instance[]): Promise<void> {
  await Promise.all(instances.map((instance) => instance.stop()));
}
