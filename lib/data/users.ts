import "server-only";
import { eq, or, sql } from "drizzle-orm";
import { schools, users } from "@/db/schema";
import type { Executor } from "@/db/client";
import { LOGIN_ID_MAX_LENGTH } from "@/lib/forms";
import type { PasswordContext } from "@/lib/passwords/policy";
import type { Role } from "@/lib/auth/roles";
import { getDb } from "./db";
import { prepared } from "./prepared";

/** What pages may see of a signed-in person. Never a hash. */
export type SessionUser = {
  id: number;
  role: Role;
  loginId: string;
  fullName: string;
  email: string | null;
  schoolId: number;
  schoolName: string;
  mustChangePassword: boolean;
  sessionVersion: number;
  /** A ministry administrator: may act on every school. */
  ministry: boolean;
};

export function normaliseLoginId(loginId: string): string {
  return loginId.normalize("NFKC").trim().toLowerCase();
}

/** Whether a normalised Login ID could belong to an account. A hand-made cookie can carry any
 *  text: NUL or a lone surrogate (which PostgreSQL's text refuses), more than an index holds. */
export function isPossibleLoginId(normalised: string): boolean {
  // Characters (code points), as the form counts them; the first test spares counting a megabyte.
  const fits = normalised.length <= 2 * LOGIN_ID_MAX_LENGTH && [...normalised].length <= LOGIN_ID_MAX_LENGTH;
  return normalised.length > 0 && fits && normalised.isWellFormed() && !/\p{Cc}/u.test(normalised);
}

const sessionColumns = {
  id: users.id,
  role: users.role,
  loginId: users.loginId,
  fullName: users.fullName,
  email: users.email,
  schoolId: users.schoolId,
  schoolName: schools.name,
  mustChangePassword: users.mustChangePassword,
  sessionVersion: users.sessionVersion,
  ministry: users.ministry,
  status: users.status,
};

/** A login ID is the username or the student e-mail, case-insensitive. Internal: has the hash. */
export async function findAccountByLoginId(db: Executor, loginId: string) {
  const key = normaliseLoginId(loginId);
  if (!isPossibleLoginId(key)) return undefined;
  const [row] = await prepared(db, "accountByLoginId", (db) =>
    db
      .select({ ...sessionColumns, passwordHash: users.passwordHash })
      .from(users)
      .innerJoin(schools, eq(schools.id, users.schoolId))
      .where(or(eq(users.loginId, sql.placeholder("key")), eq(users.email, sql.placeholder("key"))))
      .limit(1)
      .prepare("account_by_login_id"),
  ).execute({ key });
  return row;
}

/** The session's person, or null when the account is gone, disabled, or the session is old. */
export async function loadSessionUser(userId: number, sessionVersion: number): Promise<SessionUser | null> {
  const db = await getDb();
  const [row] = await prepared(db, "sessionUser", (db) =>
    db
      .select(sessionColumns)
      .from(users)
      .innerJoin(schools, eq(schools.id, users.schoolId))
      .where(eq(users.id, sql.placeholder("userId")))
      .limit(1)
      .prepare("session_user"),
  ).execute({ userId });
  if (!row || row.status !== "active" || row.sessionVersion !== sessionVersion) return null;
  const { status: _status, ...user } = row;
  return user;
}

export function passwordContextOf(user: {
  loginId: string;
  email: string | null;
  fullName: string;
}): PasswordContext {
  return { loginId: user.loginId, email: user.email, fullName: user.fullName };
}
