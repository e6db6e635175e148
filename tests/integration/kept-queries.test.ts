// Story: the queries every sign-in runs are built once and kept (lib/data/prepared.ts), and on
// PostgreSQL go as named statements (db/prepared-statements.ts). Whoever signs in next is still
// looked up by their own Login ID, not the first one's; a rate limit still counts each address in
// its own window; and an operator behind a pooler that cannot keep named statements turns them off
// with `?prepare=false` and the service works the same.
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openPostgres } from "@/db/client";
import { users } from "@/db/schema";
import { getDb } from "@/lib/data/db";
import { takeRateLimit } from "@/lib/data/rate-limits";
import type { RateLimitConfig } from "@/lib/limits/rate-limit";
import { findAccountByLoginId, loadSessionUser } from "@/lib/data/users";
import { ALEX, LIM, signIn } from "./helpers";

const limits: RateLimitConfig = { windowSeconds: 60, limits: { signIn: 2, reset: 2, resetPages: 2 } };

describe("queries built once", () => {
  it("look up each person by their own Login ID, e-mail and id, one after another", async () => {
    const db = await getDb();
    const alex = await findAccountByLoginId(db, ALEX.loginId);
    const lim = await findAccountByLoginId(db, ` ${LIM.loginId.toUpperCase()} `);
    expect(alex?.loginId).toBe(ALEX.loginId);
    expect(lim?.loginId).toBe(LIM.loginId);
    expect(await findAccountByLoginId(db, "nobody_by_this_name")).toBeUndefined();
    const [withEmail] = await db
      .select({ email: users.email, loginId: users.loginId })
      .from(users)
      .where(sql`${users.email} IS NOT NULL`)
      .limit(1);
    expect((await findAccountByLoginId(db, withEmail!.email!))?.loginId).toBe(withEmail!.loginId);
    expect((await loadSessionUser(alex!.id, alex!.sessionVersion))?.loginId).toBe(ALEX.loginId);
    expect((await loadSessionUser(lim!.id, lim!.sessionVersion))?.loginId).toBe(LIM.loginId);
    expect(await loadSessionUser(lim!.id, lim!.sessionVersion + 1)).toBeNull();
    expect((await signIn(ALEX)).loginId).toBe(ALEX.loginId);
    expect((await signIn(LIM)).loginId).toBe(LIM.loginId);
  });

  it("count each address in its own window", async () => {
    const now = new Date("2026-11-30T09:00:10Z");
    const take = (address: string, at = now) => takeRateLimit("signIn", address, limits, at);
    expect(await take("192.0.2.1")).toEqual({ allowed: true });
    expect(await take("192.0.2.1")).toEqual({ allowed: true });
    expect(await take("192.0.2.1")).toMatchObject({ allowed: false });
    expect(await take("192.0.2.2")).toEqual({ allowed: true });
    expect(await take("192.0.2.1", new Date("2026-11-30T09:01:10Z"))).toEqual({ allowed: true });
  });

  it("go as named statements on PostgreSQL, and as unnamed ones with ?prepare=false", async () => {
    if (process.env.TEST_ENGINE !== "postgres") {
      // PGlite has no pool and no pooler: nothing to name or turn off; the lookups above ran there.
      expect((await getDb()).constructor.name).toContain("PgliteDatabase");
      return;
    }
    const db = await getDb();
    const rows = async <T>(query: ReturnType<typeof sql>, on = db): Promise<T[]> => {
      const result: unknown = await on.execute(query);
      return result as T[];
    };
    const [{ name } = { name: "" }] = await rows<{ name: string }>(sql`SELECT current_database() AS name`);
    const url = new URL(process.env.TEST_POSTGRES_URL!);
    url.pathname = `/${name}`;
    for (const [query, named] of [
      ["", true],
      ["?prepare=false", false],
    ] as const) {
      // One connection, so that the statements it keeps are the ones listed.
      const one = await openPostgres(`${url.toString()}${query}`, { max: 1 });
      try {
        expect((await findAccountByLoginId(one.db, ALEX.loginId))?.loginId).toBe(ALEX.loginId);
        // Any other query too, not only those built once.
        const [alex] = await one.db
          .select({ fullName: users.fullName })
          .from(users)
          .where(eq(users.loginId, ALEX.loginId));
        expect(alex?.fullName).toBeTruthy();
        const kept = await rows<{ statement: string }>(
          sql`SELECT statement FROM pg_prepared_statements`,
          one.db,
        );
        expect(kept.some((row) => row.statement.includes('"login_id" = $1'))).toBe(named);
        expect(kept.some((row) => /^select "full_name" from "users"/.test(row.statement))).toBe(named);
        expect(kept.every((row) => !row.statement.includes(ALEX.loginId))).toBe(true);
      } finally {
        await one.close();
      }
    }
  });
});
