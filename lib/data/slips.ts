import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { slipSets } from "@/db/schema";
import type { Executor, Tx } from "@/db/client";
import { encryptionKeys } from "@/lib/server/config";
import { HashingBusyError } from "@/lib/crypto/hash-pool";
import { screenPassword } from "@/lib/passwords/screen";
import { open, seal } from "@/lib/crypto/secret-box";
import { temporaryPasswordFor } from "@/lib/passwords/temporary";
import type { ClientInput } from "@/lib/http/request";
import { assertActor, type Actor } from "./actor";
import { recordAudit } from "./audit-write";
import { getDb } from "./db";
import { ForbiddenError } from "./errors";
import { hashNewPassword } from "./passwords";
import type { SessionUser } from "./users";
import { logProblem } from "@/lib/server/log";
import { processWide } from "@/lib/server/process-wide";

// Login slips (name, class, Login ID, temporary password) from an import or the yearly reset:
// the temporary passwords are hashed in the background, a batch at a time (the set's `done` is
// the progress the page shows), the slips are kept sealed, and handed out once.

export type Slip = { fullName: string; className: string | null; loginId: string; temporaryPassword: string };

/** Whose temporary password is made: the parts it must not contain. */
export type SlipOwner = { loginId: string; email: string | null; fullName: string; className: string | null };

/** Hashes at a time: both cores stay busy, and the pool's queue keeps room for sign-ins. */
export const HASH_BATCH = 8;

/** 3,000 passwords take about 30 s on 2 cores: a set still working after this never will. */
const STALLED_AFTER_MS = 30 * 60_000;

const purposeOf = (slipSetId: number) => `login-slips:${slipSetId}`;

export function sealSlips(slipSetId: number, slips: Slip[]): string {
  return seal(JSON.stringify(slips), encryptionKeys(), purposeOf(slipSetId));
}

/** A slip set's row id (inside the data layer only) and its public id: a random uuid, the only id
 *  of a set that leaves the data layer and the one its pages' addresses carry, so one set's
 *  address says nothing about another's. */
export type SlipSetKeys = { id: number; publicId: string };

export async function createSlipSet(
  db: Executor,
  values: {
    schoolId: number;
    createdBy: number;
    kind: "import" | "yearly_reset";
    scope: string;
    total: number;
  },
): Promise<SlipSetKeys> {
  const [row] = await db
    .insert(slipSets)
    .values(values)
    .returning({ id: slipSets.id, publicId: slipSets.publicId });
  return row!;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A temporary password for each owner and its hash, `HASH_BATCH` at a time; `done` moves after
 *  each batch. A full hashing queue (a rush of sign-ins) makes the job wait, not fail. */
export async function makeTemporaryPasswords<T extends SlipOwner>(
  slipSetId: number,
  owners: T[],
  schoolName: string,
): Promise<{ owner: T; temporaryPassword: string; passwordHash: string }[]> {
  const db = await getDb();
  const made: { owner: T; temporaryPassword: string; passwordHash: string }[] = [];
  for (let start = 0; start < owners.length; start += HASH_BATCH) {
    const batch = owners.slice(start, start + HASH_BATCH);
    const hashed = await Promise.all(
      batch.map(async (owner) => {
        const context = { ...owner, schoolName };
        let temporaryPassword = temporaryPasswordFor(context);
        while (await screenPassword(temporaryPassword, context))
          temporaryPassword = temporaryPasswordFor(context);
        for (;;) {
          try {
            return { owner, temporaryPassword, passwordHash: await hashNewPassword(temporaryPassword) };
          } catch (error) {
            if (!(error instanceof HashingBusyError)) throw error;
            await pause(250);
          }
        }
      }),
    );
    made.push(...hashed);
    await db.update(slipSets).set({ done: made.length }).where(eq(slipSets.id, slipSetId));
  }
  return made;
}

/** The sealed slips, in the transaction that applies the change they describe. */
export async function markSlipsReady(tx: Tx, slipSetId: number, slips: Slip[]): Promise<void> {
  await tx
    .update(slipSets)
    .set({
      status: "ready",
      done: slips.length,
      total: slips.length,
      payload: sealSlips(slipSetId, slips),
      readyAt: new Date(),
    })
    .where(eq(slipSets.id, slipSetId));
}

export async function markSlipsFailed(slipSetId: number): Promise<void> {
  const db = await getDb();
  await db.update(slipSets).set({ status: "failed", payload: null }).where(eq(slipSets.id, slipSetId));
}

// The jobs running in this process, by public id, so tests (and a second click) can wait for one.
const jobs = processWide("slipJobs", () => new Map<string, Promise<void>>());

/** Runs the work after the response; a failure leaves the set failed (the work rolls back). */
export function runInBackground(slipSet: SlipSetKeys, work: () => Promise<void>): void {
  const job = work()
    .catch(async (error: unknown) => {
      logProblem(
        "login slips failed",
        { slipSet: slipSet.id, error: error instanceof Error ? error.name : "error" },
        "error",
      );
      await markSlipsFailed(slipSet.id).catch(() => undefined);
    })
    .finally(() => jobs.delete(slipSet.publicId));
  jobs.set(slipSet.publicId, job);
}

/** Resolves when the set's job in this process has finished (at once if there is none). */
export async function slipJobSettled(publicId: string): Promise<void> {
  await jobs.get(publicId);
}

export type SlipProgress = {
  /** The public id (a random uuid): what the addresses carry. */
  id: string;
  kind: "import" | "yearly_reset";
  scope: string;
  status: "working" | "ready" | "collected" | "failed";
  total: number;
  done: number;
  createdAt: Date;
  collectedAt: Date | null;
};

const progressColumns = {
  id: slipSets.publicId,
  kind: slipSets.kind,
  scope: slipSets.scope,
  status: slipSets.status,
  total: slipSets.total,
  done: slipSets.done,
  createdAt: slipSets.createdAt,
  collectedAt: slipSets.collectedAt,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether a text can be a slip set's public id (PostgreSQL refuses to compare anything else). */
export const isSlipSetId = (value: unknown): value is string => typeof value === "string" && UUID.test(value);

/** A slip set of the school the administrator acts on, by public id; ForbiddenError for any other
 *  id (another school's, a made-up one, a row's serial id). Only reads. */
export async function slipProgress(actor: Actor, publicId: string): Promise<SlipProgress> {
  const admin = await assertActor(actor, "admin");
  return (await findSlipSet(admin, publicId)).progress;
}

async function findSlipSet(
  admin: SessionUser,
  publicId: string,
): Promise<{ rowId: number; progress: SlipProgress }> {
  if (!isSlipSetId(publicId)) throw new ForbiddenError();
  const db = await getDb();
  const [row] = await db
    .select({ rowId: slipSets.id, ...progressColumns })
    .from(slipSets)
    .where(and(eq(slipSets.publicId, publicId), eq(slipSets.schoolId, admin.schoolId)));
  if (!row) throw new ForbiddenError();
  const { rowId, ...progress } = row;
  // A job cut short by a restart never finishes (and changed nothing): say so, not "working".
  const stalled =
    progress.status === "working" && Date.now() - progress.createdAt.getTime() > STALLED_AFTER_MS;
  return { rowId, progress: stalled ? { ...progress, status: "failed" } : progress };
}

export type Collected =
  { status: "slips"; slips: Slip[]; progress: SlipProgress } | { status: "notReady"; progress: SlipProgress };

/** The slips, once, for the administrator's POST (never a page's GET): the first call takes the
 *  sealed payload and empties it in one transaction, with its audit row, so two tabs cannot both
 *  get them; every later call sees "collected" and when. */
export async function collectSlips(actor: Actor, publicId: string, client: ClientInput): Promise<Collected> {
  const admin = await assertActor(actor, "admin");
  const { rowId, progress } = await findSlipSet(admin, publicId);
  if (progress.status !== "ready") return { status: "notReady", progress };
  const db = await getDb();
  const taken = await db.transaction(async (tx) => {
    // FOR UPDATE: a second tab waits here, then finds the set no longer ready.
    const [row] = await tx
      .select({ payload: slipSets.payload })
      .from(slipSets)
      .where(and(eq(slipSets.id, rowId), eq(slipSets.schoolId, admin.schoolId), eq(slipSets.status, "ready")))
      .for("update");
    if (!row?.payload) return null;
    await tx
      .update(slipSets)
      .set({ payload: null, status: "collected", collectedAt: sql`now()` })
      .where(eq(slipSets.id, rowId));
    await recordAudit(tx, {
      action: "login_slips_collected",
      actorUserId: admin.id,
      schoolId: admin.schoolId,
      clientAddress: client?.address ?? null,
      detail: { slipSetId: rowId },
    });
    return row.payload;
  });
  if (taken === null) return { status: "notReady", progress: await slipProgress(admin, publicId) };
  const text = open(taken, encryptionKeys(), purposeOf(rowId));
  const slips = text ? (JSON.parse(text) as Slip[]) : [];
  return { status: "slips", slips, progress: await slipProgress(admin, publicId) };
}
