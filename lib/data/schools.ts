import "server-only";
import { asc } from "drizzle-orm";
import { schools } from "@/db/schema";
import { getDb } from "./db";

export type SchoolContact = { id: number; name: string; contactEmail: string };

/** Public: every school's contact address, for the locked page's picker. */
export async function listSchoolContacts(): Promise<SchoolContact[]> {
  const db = await getDb();
  return db
    .select({ id: schools.id, name: schools.name, contactEmail: schools.contactEmail })
    .from(schools)
    .orderBy(asc(schools.name));
}
