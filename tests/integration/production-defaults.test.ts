// Story: what the service does by default, before anyone configures it well. The demo's
// administrators, whose passwords are published, must change them first; `npm run db:seed`
// refuses production; the reset path's page reads and writes nothing, whatever Login ID a cookie
// names; a second factor sealed before the keys were separated from AUTH_SECRET is sealed again
// under the current key when next used; the sign-in's session clean-up reads an index.
import { execFile } from "node:child_process";
import { createCipheriv, hkdfSync, randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { count, eq, ne, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, challengeStates, users } from "@/db/schema";
import { newTotpSecret, totpCodeAt } from "@/lib/auth/totp";
import { challengeView, startChallenge } from "@/lib/data/challenge";
import { getDb } from "@/lib/data/db";
import { verifyTotpCode } from "@/lib/data/second-factor";
import { startSession } from "@/lib/data/sessions";
import { IP, JURONG_ADMIN, signIn } from "./helpers";

const run = promisify(execFile);

async function rowsOf() {
  const db = await getDb();
  const [gates] = await db.select({ n: count() }).from(challengeStates);
  const [audit] = await db.select({ n: count() }).from(auditEvents);
  return { gates: gates!.n, audit: audit!.n };
}

describe("the demo data", () => {
  it("makes every demo administrator and teacher change the published password at the first sign-in", async () => {
    const db = await getDb();
    const admins = await db
      .select({ loginId: users.loginId, mustChange: users.mustChangePassword })
      .from(users)
      .where(ne(users.role, "student"));
    expect(admins.map((a) => a.loginId).sort()).toEqual([
      "clementi_admin",
      "jurongwest_admin",
      "moe_admin",
      "tan_mei_hua",
    ]);
    for (const admin of admins) expect(admin.mustChange, admin.loginId).toBe(true);
    expect((await signIn(JURONG_ADMIN)).mustChangePassword).toBe(true);
  });

  it("is never added by npm run db:seed in production unless SEED_DEMO=1 says so", async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: "postgres://nobody@127.0.0.1:1/none",
    };
    const refused = await run("npx", ["tsx", "scripts/db-seed.ts"], { env }).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("refused in production");
    expect(refused.stderr).toContain("npm run admin:create");
  });
});

describe("the reset path's pages", () => {
  it("add no row for 1,000 made-up Login IDs: only the Search (a POST) draws and records", async () => {
    const before = await rowsOf();
    for (let i = 0; i < 1000; i++) {
      expect(await challengeView(`made_up_pupil_${i}_${randomBytes(4).toString("hex")}`)).toBeNull();
    }
    expect(await challengeView("siti_rahman")).toBeNull();
    expect(await rowsOf()).toEqual(before);

    // The Search draws the questions and records the start; the page then shows the same ones.
    const started = await startChallenge("siti_rahman", IP);
    const after = await rowsOf();
    expect(after.audit).toBe(before.audit + 1);
    expect(await challengeView("siti_rahman")).toEqual(started);
    expect(await challengeView("siti_rahman")).toEqual(started);
    expect(await rowsOf()).toEqual(after);
  });
});

/** A TOTP key sealed as the app did before ENCRYPTION_KEYS: under a key derived from AUTH_SECRET. */
function firstVersionBox(secret: string): string {
  const key = Buffer.from(
    hkdfSync("sha256", process.env.AUTH_SECRET!, "mims-sspr secret box", "totp-secret", 32),
  );
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from("totp-secret"));
  const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return ["v1", ...[iv, body, cipher.getAuthTag()].map((part) => part.toString("base64url"))].join(".");
}

describe("second factors sealed before the encryption keys were their own", () => {
  it("still work, and are sealed again under the current key when next used", async () => {
    const admin = await signIn(JURONG_ADMIN);
    const secret = newTotpSecret();
    const db = await getDb();
    await db
      .update(users)
      .set({ totpSecret: firstVersionBox(secret), totpEnabledAt: new Date(), totpLastStep: null })
      .where(eq(users.id, admin.id));
    const now = new Date();
    const result = await verifyTotpCode({
      actor: admin,
      sessionId: await startSession(admin.id),
      code: totpCodeAt(secret, now),
      clientAddress: IP,
      now,
    });
    expect(result.status).toBe("passed");
    const [row] = await db.select({ box: users.totpSecret }).from(users).where(eq(users.id, admin.id));
    expect(row!.box).toMatch(/^v2\./);
    expect(row!.box).not.toContain(secret);
  });
});

describe("sessions", () => {
  it("are cleaned up at sign-in through an index on their last use, not by reading the whole table", async () => {
    const db = await getDb();
    const result = await db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL enable_seqscan = off`);
      return tx.execute(sql`EXPLAIN DELETE FROM sessions WHERE last_seen_at < now() - interval '1 day'`);
    });
    const plan = JSON.stringify(result);
    expect(plan).toMatch(
      /Index (Only )?Scan using sessions_last_seen_idx|Bitmap Index Scan on sessions_last_seen_idx/,
    );
  });
});
