import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { continueSession } from "@/lib/data/sessions";
import { loadSessionUser, type SessionUser } from "@/lib/data/users";
import { sessionClaims } from "./auth";

/** The signed-in person, re-read from the database on every request; null for a session that
 *  a password change, a sign-out or (for administrators) idle time has ended. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const claims = await sessionClaims();
  if (!claims) return null;
  const user = await loadSessionUser(claims.uid, claims.sv);
  return user && (await continueSession(claims.sid, user)) ? user : null;
});

/** Students (and their parents) in the portal. Must-change sends them to Change Password first. */
export async function requireStudent(options: { allowMustChange?: boolean } = {}): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/login");
  if (user.role !== "student") redirect("/admin");
  if (user.mustChangePassword && !options.allowMustChange) redirect("/change-password");
  return user;
}

/** Any signed-in person, for pages both roles use (Change Password). */
export async function requireSignedIn(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/login");
  return user;
}

/** School administrators. A signed-out visitor is sent to Log In; anyone else gets a 404. */
export async function requireAdmin(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/login");
  if (user.role !== "admin") notFound();
  return user;
}
