// What an operator deploys from: the Dockerfile's runtime image (non-root, production, a health
// check, no secret in it), the build context without secrets, compose's services, and Vercel's
// cron. The image's server itself is run by tests/deploy (it reads the same Dockerfile).
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readDockerfile } from "../deploy/image";

const stages = readDockerfile();
const runner = stages.at(-1)!;
const dockerfile = readFileSync("Dockerfile", "utf8");

describe("the Dockerfile", () => {
  it("builds in stages and runs the standalone server in a slim image of its own", () => {
    expect(stages.map((stage) => stage.name)).toEqual(["deps", "builder", "migrate", "runner"]);
    expect(dockerfile).toMatch(/FROM node:20-bookworm-slim AS runner/);
    expect(runner.cmd).toEqual(["node", "server.js"]);
    expect(runner.copies.every((copy) => copy.startsWith("--from=builder"))).toBe(true);
  });

  it("runs as a non-root user, in production, with a health check on /api/health", () => {
    expect(runner.user).toBe("node");
    expect(runner.env.NODE_ENV).toBe("production");
    expect(runner.healthcheck.join(" ")).toContain("/api/health");
    expect(dockerfile).toMatch(/^STOPSIGNAL SIGTERM$/m);
  });

  it("bakes in no secret: no build argument, no secret-like variable", () => {
    expect(dockerfile).not.toMatch(/^ARG\s/m);
    for (const stage of stages) {
      expect(
        Object.keys(stage.env).filter((name) =>
          /SECRET|KEY|PASSWORD|PEPPER|TOKEN|DATABASE_URL|SMTP_URL/.test(name),
        ),
      ).toEqual([]);
    }
  });

  it("keeps secrets and local state out of the build context", () => {
    const ignored = readFileSync(".dockerignore", "utf8")
      .split("\n")
      .map((line) => line.trim());
    for (const entry of [".env", ".env.*", "node_modules", ".next", ".data*", ".git"])
      expect(ignored).toContain(entry);
    expect(ignored).toContain("!.env.example");
  });
});

describe("compose.yaml", () => {
  const compose = readFileSync("compose.yaml", "utf8");
  it("runs the app after a one-shot migrate, on PostgreSQL with a volume, beside Mailpit", () => {
    for (const service of ["postgres", "migrate", "app", "mailpit"])
      expect(compose).toMatch(new RegExp(`^  ${service}:$`, "m"));
    expect(compose).toMatch(/target: migrate/);
    expect(compose).toMatch(/target: runner/);
    expect(compose).toMatch(/condition: service_completed_successfully/);
    expect(compose).toMatch(/pgdata:\/var\/lib\/postgresql\/data/);
    expect(compose).toMatch(/AUTH_SECRET: \$\{AUTH_SECRET:\?/);
    expect(compose).toMatch(/ENCRYPTION_KEYS: \$\{ENCRYPTION_KEYS:\?/);
    // The drain takes up to 10 s: the stop grace is longer.
    expect(Number(/stop_grace_period: (\d+)s/.exec(compose)?.[1])).toBeGreaterThan(10);
  });
});

describe("vercel.json", () => {
  it("calls the outbox's cron route every minute", () => {
    const vercel = JSON.parse(readFileSync("vercel.json", "utf8")) as {
      crons: { path: string; schedule: string }[];
    };
    expect(vercel.crons).toEqual([{ path: "/api/cron/outbox", schedule: "* * * * *" }]);
    expect(existsSync("app/api/cron/outbox/route.ts")).toBe(true);
  });
});
