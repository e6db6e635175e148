// A fingerprint of whole tables: their row count and a hash of every row, to prove that a refused
// input changed nothing.
import { getTableName, sql } from "drizzle-orm";
import {
  auditEvents,
  challengeStates,
  passwordHistory,
  resetGrants,
  securityAnswers,
  sessions,
  users,
} from "@/db/schema";
import { getDb } from "@/lib/data/db";

const TABLES = {
  users,
  securityAnswers,
  passwordHistory,
  resetGrants,
  challengeStates,
  auditEvents,
  sessions,
};

export type TableName = keyof typeof TABLES;

export const ALL_TABLES = Object.keys(TABLES) as TableName[];

/** One round trip for all the tables: `{ users: "6:<md5>", … }`. */
export async function snapshot(names: TableName[] = ALL_TABLES): Promise<Record<string, string>> {
  const db = await getDb();
  const fingerprints = names.map((name) => {
    const table = sql.identifier(getTableName(TABLES[name]));
    // The audit log only grows (a trigger refuses UPDATE and DELETE): its row count and newest id
    // tell any change, without hashing tens of thousands of rows on every run of a property.
    const hash =
      name === "auditEvents"
        ? sql`coalesce(max(t.id)::text, '')`
        : sql`coalesce(md5(string_agg(t::text, '|' order by t::text)), '')`;
    const rows = sql`(select count(*) || ':' || ${hash} from ${table} t)`;
    return sql`${name}::text, ${rows}`;
  });
  const [row] = await db
    .select({
      fingerprints: sql<Record<string, string>>`json_build_object(${sql.join(fingerprints, sql`, `)})`,
    })
    .from(sql`(select 1) as one`);
  return row!.fingerprints;
}
