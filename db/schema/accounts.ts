// Schools, the people in them (students, guardians on file, administrators, teachers) and what keeps them signed in.
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { createdAt } from "./columns";

export const schools = pgTable("schools", {
  id: serial("id").primaryKey(),
  name: text("name").notNull().unique(),
  contactEmail: text("contact_email").notNull(),
  /** A student who cannot answer may ask for a code sent to the guardian's e-mail on file
   *  (lib/data/guardian-codes.ts). Off until the school's administrator turns it on. */
  guardianApproval: boolean("guardian_approval").notNull().default(false),
  createdAt: createdAt(),
});

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    schoolId: integer("school_id")
      .notNull()
      .references(() => schools.id),
    /** A teacher, like an administrator, belongs to one school (school_id) and acts on the
     *  students of their classes only (teacher_classes). */
    role: text("role", { enum: ["student", "admin", "teacher"] }).notNull(),
    /** Stored lower-cased: login IDs are case-insensitive. */
    loginId: text("login_id").notNull(),
    email: text("email"),
    guardianEmail: text("guardian_email"),
    fullName: text("full_name").notNull(),
    className: text("class_name"),
    /** A student's language (lib/school/student-language.ts): the family's notices are written in
     *  it, with the English text below; null is not set (English alone). */
    language: text("language", { enum: ["en", "zh", "ms", "ta"] }),
    passwordHash: text("password_hash").notNull(),
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    /** Bumped on every password change: sessions carrying an older version end. */
    sessionVersion: integer("session_version").notNull().default(1),
    status: text("status", { enum: ["active", "disabled"] })
      .notNull()
      .default("active"),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    /** Administrators' second factor: the TOTP secret, encrypted (lib/auth/totp.ts), set once
     *  enrolment is confirmed; the last time step accepted, so a code is never accepted twice. */
    /** A ministry administrator: acts on every school, manages schools and their administrators. */
    ministry: boolean("ministry").notNull().default(false),
    totpSecret: text("totp_secret"),
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    totpLastStep: bigint("totp_last_step", { mode: "number" }),
    /** Wrong second-factor codes in a row, across sessions; at the limit the code step locks
     *  until `totp_locked_until` (lib/data/second-factor.ts). */
    totpFailures: integer("totp_failures").notNull().default(0),
    totpLockedUntil: timestamp("totp_locked_until", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("users_login_id_key").on(t.loginId),
    uniqueIndex("users_email_key").on(t.email),
    index("users_school_idx").on(t.schoolId, t.role),
    check("users_login_id_lower", sql`${t.loginId} = lower(${t.loginId})`),
    check("users_language_known", sql`${t.language} in ('en', 'zh', 'ms', 'ta')`),
  ],
);

/** One row per signed-in browser: sign-out and idle time end it on the server, not only in the
 *  cookie. The id is kept only as a hash; the session cookie (encrypted) carries the id. */
export const sessions = pgTable(
  "sessions",
  {
    idHash: text("id_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    /** When an administrator's session passed the second factor; null until it has. */
    secondFactorAt: timestamp("second_factor_at", { withTimezone: true }),
  },
  (t) => [
    index("sessions_user_idx").on(t.userId),
    // The clean-up of sessions nobody used for a day reads by last use.
    index("sessions_last_seen_idx").on(t.lastSeenAt),
  ],
);

export const passwordHistory = pgTable(
  "password_history",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    passwordHash: text("password_hash").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("password_history_user_idx").on(t.userId, t.createdAt)],
);

/** Single-use recovery codes of an administrator's second factor, stored only as hashes. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

/** The further schools a school administrator acts on, besides their own (users.school_id). */
export const adminSchools = pgTable(
  "admin_schools",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    schoolId: integer("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.schoolId] })],
);

/** The classes a teacher acts on, named as the students' class is stored (users.class_name), within
 *  the teacher's own school: their students are the school's students of these classes. */
export const teacherClasses = pgTable(
  "teacher_classes",
  {
    teacherId: integer("teacher_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    className: text("class_name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.teacherId, t.className] })],
);
