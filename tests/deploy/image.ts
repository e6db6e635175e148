// The container image without a Docker engine (none runs in CI, and base images cannot be pulled):
// the Dockerfile's final stage, read line by line and repeated on the build in .next. Its COPY
// lines copy from the checkout (the builder stage's /app) into a folder outside it, its RUN lines
// are done there, its ENV lines are the server's whole environment with the test's settings, and
// its CMD starts the server: `node server.js`, with no node_modules but the ones the build traced.
// The migrate stage's CMD is what migrates (the builder stage is the checkout).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/** A process's whole environment: these variables and nothing inherited (as in a container). */
export const environment = (values: Record<string, string>) => values as unknown as NodeJS.ProcessEnv;

type Stage = {
  name: string;
  workdir: string;
  env: Record<string, string>;
  runs: string[];
  copies: string[];
  user: string | null;
  healthcheck: string[];
  cmd: string[];
};

/** The Dockerfile's stages, by name, with the instructions a run needs; a line the test cannot
 *  repeat in the final stage fails loudly rather than being left out. */
export function readDockerfile(path = "Dockerfile"): Stage[] {
  const text = readFileSync(path, "utf8").replace(/\\\n/g, " ");
  const stages: Stage[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const [instruction = "", ...rest] = line.split(/\s+/);
    const args = rest.join(" ");
    if (instruction === "FROM") {
      const name = /\bAS\s+(\S+)$/i.exec(args)?.[1] ?? String(stages.length);
      stages.push({
        name,
        workdir: "/",
        env: {},
        runs: [],
        copies: [],
        user: null,
        healthcheck: [],
        cmd: [],
      });
      continue;
    }
    const stage = stages.at(-1);
    if (!stage) throw new Error(`Dockerfile: ${instruction} before FROM`);
    switch (instruction) {
      case "WORKDIR":
        stage.workdir = args;
        break;
      case "ENV": {
        const match = /^([A-Z_][A-Z0-9_]*)=(\S*)$/.exec(args);
        if (!match) throw new Error(`Dockerfile: write ENV as KEY=value, one per line: ${line}`);
        stage.env[match[1]!] = match[2]!;
        break;
      }
      case "RUN":
        stage.runs.push(args);
        break;
      case "COPY":
        stage.copies.push(args);
        break;
      case "USER":
        stage.user = args;
        break;
      case "HEALTHCHECK":
        stage.healthcheck = JSON.parse(args.slice(args.indexOf("CMD ") + 4)) as string[];
        break;
      case "CMD":
        stage.cmd = JSON.parse(args) as string[];
        break;
    }
  }
  return stages;
}

export const runnerStage = () => readDockerfile().at(-1)!;
export const migrateStage = () => {
  const stage = readDockerfile().find((s) => s.name === "migrate");
  if (!stage) throw new Error("Dockerfile: no migrate stage");
  return stage;
};

export type Image = { dir: string; stage: Stage; remove: () => void };

/** The final stage's files, as `docker build` lays them out, in a folder outside the checkout. */
export function buildImage(): Image {
  const stage = runnerStage();
  if (!existsSync(".next/standalone/server.js")) throw new Error("No standalone build: run `next build`.");
  const root = mkdtempSync(join(tmpdir(), "sspr-image-"));
  const dir = join(root, stage.workdir);
  mkdirSync(dir, { recursive: true });
  for (const run of stage.runs) {
    // The only RUN the stage has: a folder the non-root user may write (chown: that user exists in
    // the image, not here).
    const match = /^mkdir (\S+) && chown \S+ \1$/.exec(run);
    if (!match) throw new Error(`Dockerfile: a RUN the test cannot repeat: ${run}`);
    mkdirSync(join(dir, match[1]!), { recursive: true });
  }
  for (const copy of stage.copies) {
    // What the final stage copies: files of the build, from the builder stage's /app.
    const match = /^--from=builder\s+(?:--chown=\S+\s+)?(\/app\/\S+)\s+(\S+)$/.exec(copy);
    if (!match) throw new Error(`Dockerfile: a COPY the test cannot repeat: COPY ${copy}`);
    const [, from = "", to = ""] = match;
    const source = resolve(from.replace(/^\/app\/?/, "./"));
    const target = resolve(dir, to);
    mkdirSync(dirname(target), { recursive: true });
    cpSync(source, target, { recursive: true });
  }
  return { dir, stage, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** The migrate stage's command, run on the checkout (the builder stage holds the checkout). */
export function migrate(databaseUrl: string): string {
  const [command, ...args] = migrateStage().cmd;
  return execFileSync(command!, args, {
    env: environment({
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      DATABASE_URL: databaseUrl,
    }),
    encoding: "utf8",
  });
}

function memoryOf(pid: number, field: "VmRSS" | "VmHWM"): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024;
}

export type Server = {
  base: string;
  pid: number;
  child: ChildProcess;
  /** Everything the server wrote so far. */
  output: () => string;
  /** Its JSON lines, parsed. */
  lines: () => Record<string, unknown>[];
  /** Resident memory now, and its peak so far, in MiB (/proc). */
  rssMiB: () => number;
  peakMiB: () => number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  stop: () => Promise<void>;
};

/** The stage's CMD in the image's folder, with only the stage's ENV and `env` (a container's
 *  environment: nothing of this process's). */
export function startServer(
  image: Image,
  port: number,
  env: Record<string, string>,
  /** Flags for node before the script (a CPU profile: `--cpu-prof`), for the benchmark. */
  nodeFlags: string[] = [],
): Server {
  const [command, ...rest] = image.stage.cmd;
  const args = command === "node" ? [...nodeFlags, ...rest] : rest;
  const child = spawn(command!, args, {
    cwd: image.dir,
    stdio: ["ignore", "pipe", "pipe"],
    env: environment({
      PATH: `${dirname(process.execPath)}:/usr/bin:/bin`,
      HOME: image.dir,
      ...image.stage.env,
      PORT: String(port),
      ...env,
    }),
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((done) =>
    child.once("exit", (code, signal) => done({ code, signal, at: Date.now() })),
  );
  const server: Server = {
    base: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    child,
    output: () => output,
    lines: () =>
      output.split("\n").flatMap((line) => {
        if (!line.startsWith("{")) return [];
        try {
          return [JSON.parse(line) as Record<string, unknown>];
        } catch {
          return [];
        }
      }),
    rssMiB: () => memoryOf(child.pid!, "VmRSS"),
    peakMiB: () => memoryOf(child.pid!, "VmHWM"),
    exited,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const forced = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(forced);
    },
  };
  return server;
}

/** Waits until `GET /api/health` answers 200, or the process ends. */
export async function untilHealthy(server: Server, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let ended = false;
  void server.exited.then(() => (ended = true));
  while (Date.now() < deadline && !ended) {
    try {
      const response = await fetch(`${server.base}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`the server did not become healthy:\n${server.output().slice(-3000)}`);
}

/** The stage's HEALTHCHECK command, as Docker runs it in the container (on the test's port). */
export function healthcheck(image: Image, port: number): number {
  const [command, ...args] = image.stage.healthcheck.map((part) =>
    part.replace("127.0.0.1:3000", `127.0.0.1:${port}`),
  );
  try {
    execFileSync(command!, args, {
      cwd: image.dir,
      env: environment({ PATH: `${dirname(process.execPath)}:/usr/bin:/bin` }),
    });
    return 0;
  } catch (error) {
    return (error as { status?: number }).status ?? 1;
  }
}
