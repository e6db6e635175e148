import "server-only";
import type { Metadata } from "next";
import { currentUser } from "@/lib/auth/guards";
import { schoolMessages, type Messages } from "@/lib/messages";

/** The `generateMetadata` of an administration page: its title is told only to an administrator
 *  (to a ministry administrator for the ministry's pages); anyone else gets the plain 404's. */
export function adminMetadata(title: (t: Messages) => string, who: "admin" | "ministry" = "admin") {
  return async function generateMetadata(): Promise<Metadata> {
    const user = await currentUser();
    const allowed = user?.role === "admin" && (who === "admin" || user.ministry);
    return allowed ? { title: title(schoolMessages()) } : {};
  };
}
