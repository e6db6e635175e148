import "server-only";
import { and, eq } from "drizzle-orm";
import { adminSchools, schools } from "@/db/schema";
import { isRowId } from "@/lib/forms/row-id";
import { isStaff, type Role } from "@/lib/auth/roles";
import { getDb } from "./db";
import { ForbiddenError } from "./errors";
import { loadSessionUser, type SessionUser } from "./users";

/** Who a data function acts for, as the session names them: re-checked against the database on
 *  every call (assertActor). */
export type Actor = Pick<SessionUser, "id" | "sessionVersion">;

type ActorClaim = Actor & { schoolId?: number };

/** The role a data function is for; "staff": an administrator or a teacher (the second factor's
 *  own functions). */
export type ActorRole = Role | "staff";

const plays = (role: Role, wanted: ActorRole) => (wanted === "staff" ? isStaff(role) : role === wanted);

/** Every data function that acts for a signed-in person re-checks that person here. An
 *  administrator may name the school they act on (`schoolId`, the school chosen in /admin): it
 *  must be their own, one they were given (admin_schools), or any for a ministry administrator;
 *  the person returned then carries that school, so every query keeps to it. Any other function
 *  acts on the person's own school, whatever the claim names. */
export async function assertActor(
  actor: ActorClaim | null | undefined,
  role?: ActorRole,
): Promise<SessionUser> {
  if (!actor) throw new ForbiddenError();
  const current = await loadSessionUser(actor.id, actor.sessionVersion);
  if (!current || (role && !plays(current.role, role))) throw new ForbiddenError();
  const wanted = actor.schoolId;
  if (role !== "admin" || wanted === undefined || wanted === current.schoolId) return current;
  const school = await schoolAnAdminMayActOn(current, wanted);
  if (!school) throw new ForbiddenError();
  return { ...current, schoolId: school.id, schoolName: school.name };
}

/** An administrator acting on the school named (the school a form was made for), whichever school
 *  the claim carries: a change that acts on a whole school keeps to the one its page showed. */
export function assertAdminOnSchool(
  actor: ActorClaim | null | undefined,
  schoolId: number,
): Promise<SessionUser> {
  return assertActor(actor && { id: actor.id, sessionVersion: actor.sessionVersion, schoolId }, "admin");
}

/** The school, when this administrator may act on it; undefined otherwise. */
export async function schoolAnAdminMayActOn(
  admin: Pick<SessionUser, "id" | "role" | "ministry" | "schoolId">,
  schoolId: number,
): Promise<{ id: number; name: string } | undefined> {
  if (admin.role !== "admin" || !isRowId(schoolId)) return undefined;
  const db = await getDb();
  const [school] = await db
    .select({ id: schools.id, name: schools.name })
    .from(schools)
    .where(eq(schools.id, schoolId));
  if (!school) return undefined;
  if (admin.ministry || admin.schoolId === school.id) return school;
  const [member] = await db
    .select({ schoolId: adminSchools.schoolId })
    .from(adminSchools)
    .where(and(eq(adminSchools.userId, admin.id), eq(adminSchools.schoolId, school.id)));
  return member ? school : undefined;
}
