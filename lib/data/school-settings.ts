import "server-only";
import { and, eq, inArray, ne } from "drizzle-orm";
import { guardianCodes, schools, users } from "@/db/schema";
import type { ClientInput } from "@/lib/http/request";
import { assertActor, assertAdminOnSchool, type Actor } from "./actor";
import { recordAudit } from "./audit-write";
import { getDb } from "./db";
import { ForbiddenError } from "./errors";

// A school's own settings, as its administrators see and change them: for now, whether its
// students may ask for a guardian's approval at Forgot Password? (lib/data/guardian-codes.ts).

export type SchoolSettings = {
  schoolId: number;
  schoolName: string;
  contactEmail: string;
  guardianApproval: boolean;
};

/** The settings of the school the administrator acts on. */
export async function schoolSettings(actor: Actor & { schoolId?: number }): Promise<SchoolSettings> {
  const admin = await assertActor(actor, "admin");
  const db = await getDb();
  const [school] = await db
    .select({
      schoolId: schools.id,
      schoolName: schools.name,
      contactEmail: schools.contactEmail,
      guardianApproval: schools.guardianApproval,
    })
    .from(schools)
    .where(eq(schools.id, admin.schoolId));
  if (!school) throw new ForbiddenError();
  return school;
}

/** Turns the guardian's approval on or off for the school named (the one the form was made for),
 *  audited. Turning it off ends the codes already sent for the school's students. */
export async function setGuardianApproval(
  actor: Actor,
  change: { schoolId: number; enabled: boolean },
  client: ClientInput,
): Promise<{ status: "changed" | "unchanged" }> {
  const admin = await assertAdminOnSchool(actor, change.schoolId);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const changed = await tx
      .update(schools)
      .set({ guardianApproval: change.enabled })
      .where(and(eq(schools.id, admin.schoolId), ne(schools.guardianApproval, change.enabled)))
      .returning({ id: schools.id });
    if (changed.length === 0) return { status: "unchanged" as const };
    if (!change.enabled) {
      const students = tx.select({ id: users.id }).from(users).where(eq(users.schoolId, admin.schoolId));
      await tx.delete(guardianCodes).where(inArray(guardianCodes.userId, students));
    }
    await recordAudit(tx, {
      action: "guardian_approval_changed",
      actorUserId: admin.id,
      schoolId: admin.schoolId,
      clientAddress: client?.address ?? null,
      detail: { enabled: change.enabled },
    });
    return { status: "changed" as const };
  });
}

/** Public: whether any school offers a guardian's approval, for the reset path's link. It depends
 *  on no Login ID, so showing the link tells nothing about an account or its school. */
export async function guardianApprovalOffered(): Promise<boolean> {
  const db = await getDb();
  const [offering] = await db
    .select({ id: schools.id })
    .from(schools)
    .where(eq(schools.guardianApproval, true))
    .limit(1);
  return offering !== undefined;
}
