// Story: a set of login slips is handed out once, and only to the administrator who asks for it on
// purpose. Opening the slips' page (a GET: a link from another site, a prefetch, a reload) only
// reads; the slips are taken by the page's button, a POST, once. The pages' addresses carry a
// random id, so one set's address tells nothing about another's, and another school's
// administrator gets nothing, whatever id they try.
import { and, count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, slipSets } from "@/db/schema";
import { getDb } from "@/lib/data/db";
import { ForbiddenError } from "@/lib/data/errors";
import { confirmCohortImport, previewCohortImport } from "@/lib/data/import";
import { collectSlips, slipJobSettled, slipProgress } from "@/lib/data/slips";
import type { SessionUser } from "@/lib/data/users";
import { cohort, cohortCsv } from "@/tests/fixtures/cohort";
import { CLEMENTI_ADMIN, JURONG_ADMIN, signIn, CLIENT } from "./helpers";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let admin: SessionUser;

beforeAll(async () => {
  admin = await signIn(CLEMENTI_ADMIN);
});

/** Imports a few students and waits for their slips to be ready; the set's public id. */
async function readySlips(prefix: string): Promise<string> {
  const content = cohortCsv(cohort(prefix, 2));
  const previewed = await previewCohortImport(admin, { schoolId: admin.schoolId, name: "c.csv", content });
  if (previewed.status !== "preview") throw new Error("refused");
  const started = await confirmCohortImport(
    admin,
    { schoolId: admin.schoolId, batchId: previewed.batchId },
    CLIENT,
  );
  if (started.status !== "started") throw new Error("not started");
  await slipJobSettled(started.slipSetId);
  return started.slipSetId;
}

async function setRow(publicId: string) {
  const db = await getDb();
  const [row] = await db.select().from(slipSets).where(eq(slipSets.publicId, publicId));
  return row!;
}

async function collections(rowId: number): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.action, "login_slips_collected"),
        sql`${auditEvents.detail}->>'slipSetId' = ${String(rowId)}`,
      ),
    );
  return row!.n;
}

describe("login slips", () => {
  it("are not taken by reading the set, as the slips page's GET does, however often", async () => {
    const id = await readySlips("rdonly");
    for (let i = 0; i < 3; i++) {
      expect(await slipProgress(admin, id)).toMatchObject({ id, status: "ready", collectedAt: null });
    }
    const row = await setRow(id);
    expect(row).toMatchObject({ status: "ready", collectedAt: null });
    expect(row.payload).not.toBeNull();
    expect(await collections(row.id)).toBe(0);
    // Still there for the administrator's button.
    const collected = await collectSlips(admin, id, CLIENT);
    expect(collected.status).toBe("slips");
  });

  it("are handed out by one collection only, with one audit row; later ones say when", async () => {
    const id = await readySlips("once");
    const first = await collectSlips(admin, id, CLIENT);
    if (first.status !== "slips") throw new Error(first.progress.status);
    expect(first.slips.map((slip) => slip.loginId)).toEqual(["once0001", "once0002"]);
    for (const later of [await collectSlips(admin, id, CLIENT), await collectSlips(admin, id, CLIENT)]) {
      expect(later).toMatchObject({ status: "notReady", progress: { status: "collected" } });
      expect(later.progress.collectedAt).toBeInstanceOf(Date);
      expect(JSON.stringify(later)).not.toContain(first.slips[0]!.temporaryPassword);
    }
    const row = await setRow(id);
    expect(row.payload).toBeNull();
    expect(await collections(row.id)).toBe(1);
  });

  it("are known by a random id, not by the row's serial number", async () => {
    const one = await readySlips("rnda");
    const two = await readySlips("rndb");
    expect(one).toMatch(UUID);
    expect(two).toMatch(UUID);
    expect(two).not.toBe(one);
    const [rowOne, rowTwo] = [await setRow(one), await setRow(two)];
    expect(rowTwo.id).toBe(rowOne.id + 1); // the serial ids follow each other …
    for (const id of [String(rowOne.id), String(rowTwo.id)]) {
      // … and are no way in.
      await expect(slipProgress(admin, id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(collectSlips(admin, id, CLIENT)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect((await setRow(one)).status).toBe("ready");
  });

  it("refuse another school's administrator, who takes nothing", async () => {
    const id = await readySlips("other");
    const jurong = await signIn(JURONG_ADMIN);
    await expect(slipProgress(jurong, id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(collectSlips(jurong, id, CLIENT)).rejects.toBeInstanceOf(ForbiddenError);
    const row = await setRow(id);
    expect(row).toMatchObject({ status: "ready" });
    expect(await collections(row.id)).toBe(0);
    expect((await collectSlips(admin, id, CLIENT)).status).toBe("slips");
  });
});
