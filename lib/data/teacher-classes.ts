// A teacher's classes (teacher_classes): read for the lists, and the classes typed on a form or in
// a CSV file matched with those the school's students are in (lib/data/teachers.ts,
// lib/data/teacher-import.ts).
import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { teacherClasses, users } from "@/db/schema";
import { getDb } from "./db";

/** Each teacher's classes, by name. */
export async function classesOf(teacherIds: number[]): Promise<Map<number, string[]>> {
  const found = new Map<number, string[]>();
  if (teacherIds.length === 0) return found;
  const db = await getDb();
  const rows = await db
    .select({ teacherId: teacherClasses.teacherId, className: teacherClasses.className })
    .from(teacherClasses)
    .where(inArray(teacherClasses.teacherId, teacherIds))
    .orderBy(asc(teacherClasses.className));
  for (const row of rows) found.set(row.teacherId, [...(found.get(row.teacherId) ?? []), row.className]);
  return found;
}

/** The classes the school's students are in, by their lower-cased name. */
export async function knownClasses(schoolId: number): Promise<Map<string, string>> {
  const db = await getDb();
  const rows = await db
    .selectDistinct({ className: users.className })
    .from(users)
    .where(and(eq(users.schoolId, schoolId), eq(users.role, "student")));
  return new Map(
    rows.flatMap((row) => (row.className ? [[row.className.toLowerCase(), row.className]] : [])),
  );
}

/** Classes as typed, matched (in any case) with the classes the school's students are in, and
 *  written as those are stored: a teacher's students are found by the exact class. */
export function matchClasses(
  known: Map<string, string>,
  typed: string[],
): { classes: string[]; unknown: string[] } {
  const classes = typed.flatMap((name) => known.get(name.toLowerCase()) ?? []);
  return { classes: [...new Set(classes)], unknown: typed.filter((name) => !known.has(name.toLowerCase())) };
}
