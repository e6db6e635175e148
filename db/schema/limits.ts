// Limits: per address, per account, and forms that must not run twice.
import { sql } from "drizzle-orm";
import { index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./accounts";

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
