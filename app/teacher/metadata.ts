import "server-only";
import type { Metadata } from "next";
import { currentUser } from "@/lib/auth/guards";
import { schoolMessages, type Messages } from "@/lib/messages";

/** The `generateMetadata` of a teacher's page: its title is told only to a teacher; anyone else
 *  gets the plain 404's. */
export function teacherMetadata(title: (t: Messages) => string) {
  return async function generateMetadata(): Promise<Metadata> {
    const user = await currentUser();
    return user?.role === "teacher" ? { title: title(schoolMessages()) } : {};
  };
}
