import { timestamp } from "drizzle-orm/pg-core";

/** When the row was made. */
export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
