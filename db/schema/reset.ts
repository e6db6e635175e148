// The self-service reset: answers, the challenge under way, the grants and one-time codes it hands out.
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { createdAt } from "./columns";

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
