// What the school keeps: the audit log, the e-mail notices, cohort imports and printed slips.
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { schools, users } from "./accounts";
import { createdAt } from "./columns";

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
