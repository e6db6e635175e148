import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

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

export const securityAnswers = pgTable(
  "security_answers",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    position: smallint("position").notNull(),
    questionId: smallint("question_id").notNull(),
    answerHash: text("answer_hash").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.position] }),
    uniqueIndex("security_answers_user_question_key").on(t.userId, t.questionId),
  ],
);

/** One row per gate key: an account (`u:<id>`) or an unknown login ID (`id:<login id>`). */
export const challengeStates = pgTable(
  "challenge_states",
  {
    gateKey: text("gate_key").primaryKey(),
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    /** The two questions drawn for the current challenge, kept until answered correctly. */
    drawnQuestions: smallint("drawn_questions").array(),
    attempts: integer("attempts").notNull().default(0),
    lockCount: integer("lock_count").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    accountLocked: boolean("account_locked").notNull().default(false),
    /** Keyed hashes (HMAC) of the wrong answers given in the current run, never the answers: the
     *  same wrong answers again count once (lib/limits/wrong-marks.ts). Forgotten when the run
     *  ends (a lock, a correct answer, a reset or an unlock). */
    wrongMarks: text("wrong_marks").array(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("challenge_states_user_idx").on(t.userId),
    // Rows kept for Login IDs no account has expire (lib/data/challenge-state.ts).
    index("challenge_states_unknown_idx")
      .on(t.updatedAt)
      .where(sql`${t.userId} is null`),
  ],
);

export const resetGrants = pgTable(
  "reset_grants",
  {
    id: serial("id").primaryKey(),
    tokenHash: text("token_hash").notNull().unique(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    /** How it was earned: the notices and the audit log say so. */
    via: text("via", { enum: ["answers", "resetCode", "guardianCode"] })
      .notNull()
      .default("answers"),
    createdAt: createdAt(),
  },
  (t) => [index("reset_grants_user_idx").on(t.userId)],
);

/** One-time reset codes (lib/reset/reset-code.ts): at most one live code per student, as an argon2
 *  hash only; good until `expires_at` (the end of the school day) or its use. Issued by someone of
 *  the school, whose id is kept for the audit log. */
export const resetCodes = pgTable("reset_codes", {
  userId: integer("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  codeHash: text("code_hash").notNull(),
  issuedBy: integer("issued_by").references(() => users.id, { onDelete: "set null" }),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  createdAt: createdAt(),
});

/** Codes for a guardian's approval (lib/reset/guardian-code.ts): at most one live code per
 *  student, as an argon2 hash only, sent to the guardian's e-mail on file; good until `expires_at`
 *  (30 minutes) or its use. */
export const guardianCodes = pgTable("guardian_codes", {
  userId: integer("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  codeHash: text("code_hash").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  createdAt: createdAt(),
});

/** When a guardian's code was sent for a student: what the limits count (one per 15 minutes,
 *  three a day). Rows older than a day are of no use and go. */
export const guardianCodeSends = pgTable(
  "guardian_code_sends",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("guardian_code_sends_user_idx").on(t.userId, t.sentAt)],
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

/** Who did what to whom, when and from where. Never a secret. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    action: text("action").notNull(),
    actorUserId: integer("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    targetUserId: integer("target_user_id").references(() => users.id, { onDelete: "set null" }),
    schoolId: integer("school_id").references(() => schools.id),
    clientAddress: text("client_address"),
    detail: jsonb("detail").$type<Record<string, string | number | boolean | null>>(),
  },
  (t) => [
    index("audit_events_school_at_idx").on(t.schoolId, t.at),
    index("audit_events_target_idx").on(t.targetUserId),
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

/** Requests per client address and window, shared by every instance of the app. */
export const rateLimits = pgTable(
  "rate_limits",
  {
    bucket: text("bucket").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    hits: integer("hits").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.bucket, t.windowStart] }),
    index("rate_limits_window_idx").on(t.windowStart),
  ],
);

/** The transactional outbox of e-mail notices: written in the same transaction as the change it
 *  reports, delivered by the worker in lib/mail. Never a password, an answer or a reset link. */
export const notices = pgTable(
  "notices",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** The student it concerns; kept (as null) if the account is deleted, so it is still sent. */
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    schoolId: integer("school_id")
      .notNull()
      .references(() => schools.id),
    kind: text("kind", {
      enum: [
        "password_changed",
        "reset_path_locked",
        "account_locked",
        "questions_set",
        "sign_in_slowed",
        "second_factor_locked",
        "guardian_code",
      ],
    }).notNull(),
    recipientRole: text("recipient_role", {
      enum: ["student", "guardian", "school", "administrator", "ministry"],
    }).notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    /** The body is sealed with ENCRYPTION_KEYS (lib/mail/sealed-body.ts): a notice whose words carry
     *  a secret (a guardian's code) is never kept readable. Opened only to be sent. */
    sealed: boolean("sealed").notNull().default(false),
    /** The same on every try, so a receiver can drop a duplicate sent after a crash. */
    messageId: text("message_id").notNull().unique(),
    status: text("status", { enum: ["pending", "sending", "sent", "failed"] })
      .notNull()
      .default("pending"),
    /** Tries started so far; also the claim's fencing token (see lib/data/outbox.ts). */
    attempts: integer("attempts").notNull().default(0),
    /** When a pending row is due, or when a claimed row's lease runs out. */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    claimedUntil: timestamp("claimed_until", { withTimezone: true }),
    /** A short code of the last failure (never a message text, an address or a secret). */
    lastError: text("last_error"),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("notices_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} in ('pending', 'sending')`),
    index("notices_user_idx").on(t.userId, t.createdAt),
    index("notices_school_status_idx").on(t.schoolId, t.status, t.createdAt),
  ],
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

/** A cohort import from CSV: parsed and checked into a preview, applied only when confirmed, all
 *  rows or none. The rows (personal data, no password) are dropped once applied or abandoned. */
export const importBatches = pgTable(
  "import_batches",
  {
    id: serial("id").primaryKey(),
    schoolId: integer("school_id")
      .notNull()
      .references(() => schools.id),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    fileName: text("file_name").notNull(),
    status: text("status", { enum: ["preview", "applying", "applied", "failed", "abandoned"] })
      .notNull()
      .default("preview"),
    totalRows: integer("total_rows").notNull(),
    /** The valid rows, as parsed; null once applied or abandoned. */
    rows: jsonb("rows").$type<Record<string, string>[]>(),
    /** Every invalid row: its line number and the reasons, in the page's words' keys. */
    problems: jsonb("problems").$type<{ line: number; reasons: string[] }[]>().notNull(),
    /** The login slips this import made, when applied. */
    slipSetId: integer("slip_set_id"),
    createdAt: createdAt(),
    appliedAt: timestamp("applied_at", { withTimezone: true }),
  },
  (t) => [index("import_batches_school_idx").on(t.schoolId, t.createdAt)],
);

/** Login slips (name, class, login ID, temporary password) from an import or the yearly reset:
 *  made while the temporary passwords are hashed (progress for the page), kept encrypted, and
 *  handed out once: the first download empties `payload`. */
export const slipSets = pgTable(
  "slip_sets",
  {
    id: serial("id").primaryKey(),
    /** What the URLs carry: random, so a slip set's address cannot be guessed from another's. */
    publicId: uuid("public_id").notNull().unique().defaultRandom(),
    schoolId: integer("school_id")
      .notNull()
      .references(() => schools.id),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    kind: text("kind", { enum: ["import", "yearly_reset"] }).notNull(),
    /** What it covers, in words for the list (the class, or the whole school). */
    scope: text("scope").notNull(),
    status: text("status", { enum: ["working", "ready", "collected", "failed"] })
      .notNull()
      .default("working"),
    total: integer("total").notNull(),
    done: integer("done").notNull().default(0),
    /** AES-256-GCM of the slips as JSON (lib/crypto/secret-box.ts); null once collected. */
    payload: text("payload"),
    createdAt: createdAt(),
    readyAt: timestamp("ready_at", { withTimezone: true }),
    collectedAt: timestamp("collected_at", { withTimezone: true }),
  },
  (t) => [index("slip_sets_school_idx").on(t.schoolId, t.createdAt)],
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

/** Sign-in failures per account (`u:<id>`), per Login ID no account has (`id:<login id>`, so an
 *  unknown ID is slowed like a real one) and per trusted device (`d:<hash>`): the per-account
 *  limits of lib/limits/sign-in-throttle.ts, whatever the client's address. */
export const signInThrottles = pgTable(
  "sign_in_throttles",
  {
    key: text("key").primaryKey(),
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    /** Wrong passwords in a row (a correct one starts again at 0). */
    failures: integer("failures").notNull().default(0),
    /** When each wrong password of the last hour was judged: never more than the hourly cap. */
    recentFailures: timestamp("recent_failures", { withTimezone: true })
      .array()
      .notNull()
      .default(sql`'{}'`),
    /** No password is judged for this key before then. */
    blockedUntil: timestamp("blocked_until", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sign_in_throttles_updated_idx").on(t.updatedAt)],
);

/** One-time form tokens already used: an action that must not run twice (the administrator's
 *  Reset password, posted again by a reload) claims its form's token here first. */
export const usedFormTokens = pgTable(
  "used_form_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    usedAt: timestamp("used_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("used_form_tokens_used_at_idx").on(t.usedAt)],
);
