import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { chosenSchoolId } from "@/lib/auth/admin-school";
import { schoolAnAdminMayActOn } from "@/lib/data/actor";
import { resumeSession } from "@/lib/data/sessions";
import { loadSessionUser, type SessionUser } from "@/lib/data/users";
import { sessionClaims } from "./auth";
import { homePathOf, isStaff } from "./roles";

/** Where a member of staff (an administrator or a teacher) whose password was accepted passes (or
 *  sets up) the second factor. */
export const SECOND_FACTOR_PATH = "/admin/second-factor";

export type CurrentSession = {
  user: SessionUser;
  sessionId: string;
  secondFactorPassed: boolean;
  signedInAt: Date;
};

/** The signed-in person and their server-side session, re-read from the database on every
 *  request; null for a session that a password change, a sign-out or (for administrators) idle
 *  time, age or a missed second factor has ended. Read once per request for the cookie's claims:
 *  an action that renews the session (the second factor passed, a password changed) renders its
 *  page again under the new claims, and sees the session as it is now. */
export async function currentSession(): Promise<CurrentSession | null> {
  const claims = await sessionClaims();
  return claims ? sessionFor(claims.uid, claims.sv, claims.sid) : null;
}

const sessionFor = cache(async (uid: number, sv: number, sid: string): Promise<CurrentSession | null> => {
  const claims = { uid, sv, sid };
  const user = await loadSessionUser(claims.uid, claims.sv);
  const session = user && (await resumeSession(claims.sid, user));
  return user && session
    ? {
        user,
        sessionId: claims.sid,
        secondFactorPassed: !!session.secondFactorAt,
        signedInAt: session.createdAt,
      }
    : null;
});

/** The signed-in person, whether or not a member of staff has passed the second factor yet. */
export async function currentUser(): Promise<SessionUser | null> {
  return (await currentSession())?.user ?? null;
}

/** Students (and their parents) in the portal. Must-change sends them to Change Password first;
 *  the school's staff go to their own pages. */
export async function requireStudent(options: { allowMustChange?: boolean } = {}): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/login");
  if (user.role !== "student") redirect(homePathOf(user.role));
  if (user.mustChangePassword && !options.allowMustChange) redirect("/change-password");
  return user;
}

/** Any signed-in person, for pages every role uses (Change Password): staff only after the
 *  second factor. */
export async function requireSignedIn(): Promise<SessionUser> {
  const session = await currentSession();
  if (!session) redirect("/login");
  if (isStaff(session.user.role) && !session.secondFactorPassed) redirect(SECOND_FACTOR_PATH);
  return session.user;
}

/** School administrators who passed the second factor: the guard of every page, action and
 *  route under /admin. A signed-out visitor is sent to Log In, an administrator whose session
 *  has only the password to the second factor; anyone else gets a 404. */
export async function requireAdmin(): Promise<SessionUser> {
  const session = await requireAdminSession();
  if (!session.secondFactorPassed) redirect(SECOND_FACTOR_PATH);
  // A new administrator's temporary password (from the ministry) is changed before anything else.
  if (session.user.mustChangePassword) redirect("/change-password");
  return actingOnChosenSchool(session.user);
}

/** The administrator as they act on the school chosen in /admin, when they may; else their own. */
async function actingOnChosenSchool(admin: SessionUser): Promise<SessionUser> {
  const chosen = await chosenSchoolId();
  if (chosen === undefined || chosen === admin.schoolId) return admin;
  const school = await schoolAnAdminMayActOn(admin, chosen);
  return school ? { ...admin, schoolId: school.id, schoolName: school.name } : admin;
}

/** An administrator's session before (or after) the second factor. */
export async function requireAdminSession(): Promise<CurrentSession> {
  const session = await requireStaffSession();
  if (session.user.role !== "admin") notFound();
  return session;
}

/** A member of staff's session (an administrator's or a teacher's) before (or after) the second
 *  factor: only the second-factor pages and actions use this; anyone else gets a 404. */
export async function requireStaffSession(): Promise<CurrentSession> {
  const session = await currentSession();
  if (!session) redirect("/login");
  if (!isStaff(session.user.role)) notFound();
  return session;
}

/** Teachers who passed the second factor: the guard of every page and action under /teacher. A
 *  signed-out visitor is sent to Log In, a teacher whose session has only the password to the
 *  second factor; anyone else (an administrator too: an administrator is not a teacher) gets a
 *  404. Their school is their own: a teacher never switches school. */
export async function requireTeacher(): Promise<SessionUser> {
  const session = await requireStaffSession();
  if (session.user.role !== "teacher") notFound();
  if (!session.secondFactorPassed) redirect(SECOND_FACTOR_PATH);
  // The temporary password the school gave is changed before anything else.
  if (session.user.mustChangePassword) redirect("/change-password");
  return session.user;
}

/** For routes that answer with a status rather than a page: the administrator, "needsSecondFactor"
 *  while the session has only the password, or null for anyone else. */
export async function adminForRoute(): Promise<SessionUser | "needsSecondFactor" | null> {
  const session = await currentSession();
  if (!session || session.user.role !== "admin") return null;
  return session.secondFactorPassed ? actingOnChosenSchool(session.user) : "needsSecondFactor";
}
