// The database's tables, by area (db/schema/*.ts), as Drizzle and drizzle-kit read them: the
// migrations (db/migrations) are generated from these (`npm run db:generate`).
export * from "./schema/accounts";
export * from "./schema/reset";
export * from "./schema/limits";
export * from "./schema/records";
