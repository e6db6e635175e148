// Story: the production build as an operator first runs it. A client cannot choose its own
// address: with no trusted proxy (the default) X-Forwarded-For is ignored by the rate limits, the
// audit log and the families' e-mails, and the start says what to set behind a proxy; behind one,
// only an IP address is ever taken from it. The reset path's pages write nothing, whatever Login
// ID a cookie names. An empty embedded database gets no demo accounts unless SEED_DEMO=1 asks.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, count, desc, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Database } from "@/db/client";
import {
  auditEvents,
  challengeStates,
  notices,
  rateLimits,
  resetGrants,
  sessions,
  signInThrottles,
  users,
} from "@/db/schema";
import { Browser, formWith } from "./browserless";
import { createStudent, openClusterDb } from "./db";
import { says, signedIn, t } from "./flows";
import { LOG_DIR, startInstance, type Instance } from "./instances";

const { bases, databaseUrl, authSecret, buildDir } = inject("cluster");
const base = bases[0]!;
const SPOOFED = "203.0.113.66";
const MADE_UP = "Address: you have won a prize, call 555";

let database: Database;
let behindProxy: Instance | undefined;

beforeAll(async () => {
  database = await openClusterDb();
});

afterAll(async () => {
  await behindProxy?.stop();
  await database.close();
});

async function signInWrongly(instance: string, loginId: string, headers: Record<string, string>) {
  const browser = new Browser(instance, headers);
  return browser.submit(formWith(await browser.get("/login"), "Log In"), {
    loginId,
    password: "Not-Their-Password-1",
  });
}

async function lastAuditAddress(userId: number): Promise<string | null | undefined> {
  const [row] = await database.db
    .select({ address: auditEvents.clientAddress })
    .from(auditEvents)
    .where(and(eq(auditEvents.targetUserId, userId), eq(auditEvents.action, "sign_in_failed")))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return row?.address;
}

describe("the client's address, with no trusted proxy", () => {
  it("is the connection's: X-Forwarded-For reaches neither the rate limits, the audit log nor the families' e-mail", async () => {
    const userId = await createStudent(database.db, "address_pupil", {
      fullName: "Address Pupil Tan",
      password: "Harbour-Lights-2031",
    });
    await database.db
      .update(users)
      .set({ guardianEmail: "tan.address@parents.example" })
      .where(eq(users.id, userId));
    // Ten wrong passwords in a row, each claiming another address: the family is told once.
    for (let i = 0; i < 10; i++) {
      const page = await signInWrongly(base, "address_pupil", {
        "X-Forwarded-For": i % 2 ? `${SPOOFED}` : MADE_UP,
      });
      expect(says(page, t.login.failed)).toBe(true);
    }
    expect(await lastAuditAddress(userId)).toBe("127.0.0.1");
    const addresses = await database.db
      .selectDistinct({ address: auditEvents.clientAddress })
      .from(auditEvents)
      .where(eq(auditEvents.targetUserId, userId));
    expect(addresses).toEqual([{ address: "127.0.0.1" }]);
    // Counted under the connection's address, never under one the client named.
    const spoofedBuckets = await database.db
      .select({ n: count() })
      .from(rateLimits)
      .where(like(rateLimits.bucket, `%${SPOOFED}%`));
    expect(spoofedBuckets[0]!.n).toBe(0);
    const [told] = await database.db
      .select({ body: notices.body })
      .from(notices)
      .where(
        and(
          eq(notices.userId, userId),
          eq(notices.kind, "sign_in_slowed"),
          eq(notices.recipientRole, "guardian"),
        ),
      );
    expect(told?.body).toContain(`${t.mail.address}: 127.0.0.1`);
    expect(told?.body).not.toContain("prize");
    expect(told?.body).not.toContain(SPOOFED);
  });

  it("is what the start warns about: behind a proxy, set TRUST_PROXY_HOPS", () => {
    const port = new URL(base).port;
    const log = readFileSync(join(LOG_DIR, `instance-${port}.log`), "utf8");
    expect(log).toContain("TRUST_PROXY_HOPS is not set");
  });
});

describe("the client's address behind one trusted proxy", () => {
  beforeAll(async () => {
    behindProxy = await startInstance({
      port: 3221,
      buildDir,
      databaseUrl,
      authSecret,
      env: { TRUST_PROXY_HOPS: "1" },
    });
  });

  it("is the one the proxy appended, and never text that is not an IP address", async () => {
    const userId = await createStudent(database.db, "proxied_pupil", {
      fullName: "Proxied Pupil Lim",
      password: "Harbour-Lights-2031",
    });
    await signInWrongly(behindProxy!.base, "proxied_pupil", {
      "X-Forwarded-For": `198.51.100.1, ${SPOOFED}`,
    });
    expect(await lastAuditAddress(userId)).toBe(SPOOFED);
    await signInWrongly(behindProxy!.base, "proxied_pupil", { "X-Forwarded-For": MADE_UP });
    expect(await lastAuditAddress(userId)).toBeNull();
    const log = readFileSync(join(LOG_DIR, `instance-${behindProxy!.port}.log`), "utf8");
    expect(log.split("--- next start").at(-1)).not.toContain("TRUST_PROXY_HOPS is not set");
  });
});

describe("the reset path's pages", () => {
  it("add no row for 1,000 GETs with 1,000 made-up Login ID cookies", async () => {
    const tables = { challengeStates, auditEvents, notices, resetGrants, sessions, signInThrottles, users };
    const snapshot = async () =>
      Object.fromEntries(
        await Promise.all(
          Object.entries(tables).map(async ([name, table]) => {
            const [row] = await database.db.select({ n: count() }).from(table);
            return [name, row!.n] as const;
          }),
        ),
      );
    const before = await snapshot();
    const [{ n: bucketsBefore } = { n: 0 }] = await database.db.select({ n: count() }).from(rateLimits);
    const paths = ["/sspr/challenge", "/sspr/change", "/sspr/search", "/sspr/done", "/sspr"];
    const statuses: Record<number, number> = {};
    for (let i = 0; i < 1000; i++) {
      const browser = new Browser(base);
      browser.setCookie("sspr_login", i % 3 === 0 ? `siti_rahman` : `made_up_pupil_${i}`, "/sspr");
      browser.setCookie("sspr_grant", `made-up-grant-${i}`, "/sspr");
      const page = await browser.get(paths[i % paths.length]!);
      statuses[page.status] = (statuses[page.status] ?? 0) + 1;
    }
    expect(Object.keys(statuses).every((status) => Number(status) < 500)).toBe(true);
    expect(await snapshot()).toEqual(before);
    // Only the pages' own rate limit counts them: at most one new bucket (one address, one window).
    const [{ n: bucketsAfter } = { n: 0 }] = await database.db.select({ n: count() }).from(rateLimits);
    expect(bucketsAfter - bucketsBefore).toBeLessThanOrEqual(2);
  });
});

describe("an empty embedded database in production", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "sspr-empty-"));
  const published = { loginId: "moe_admin", password: "Ministry-Desk-2026" };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("starts with no account (no demo data), and says how to create the first administrator", async () => {
    const instance = await startInstance({
      port: 3222,
      buildDir,
      databaseUrl: "",
      authSecret,
      env: { DATA_DIR: join(dataDir, "plain"), TRUST_PROXY_HOPS: "0" },
    });
    try {
      const browser = new Browser(instance.base);
      const page = await browser.submit(formWith(await browser.get("/login"), "Log In"), published);
      expect(says(page, t.login.failed)).toBe(true);
    } finally {
      await instance.stop();
    }
    const log = readFileSync(join(LOG_DIR, "instance-3222.log"), "utf8").split("--- next start").at(-1)!;
    expect(log).toContain("The database has no accounts yet");
    expect(log).toContain("npm run admin:create");
  });

  it("has the demo accounts only when SEED_DEMO=1 asks for them, and says so", async () => {
    const instance = await startInstance({
      port: 3223,
      buildDir,
      databaseUrl: "",
      authSecret,
      env: { DATA_DIR: join(dataDir, "demo"), SEED_DEMO: "1", TRUST_PROXY_HOPS: "0" },
    });
    try {
      const browser = new Browser(instance.base);
      const page = await browser.submit(formWith(await browser.get("/login"), "Log In"), published);
      // Signed in (and sent on to the second factor, then Change Password: the password is public).
      expect(signedIn(page)).toBe(true);
    } finally {
      await instance.stop();
    }
    const log = readFileSync(join(LOG_DIR, "instance-3223.log"), "utf8").split("--- next start").at(-1)!;
    expect(log).toContain("SEED_DEMO=1 in production");
  });
});
