import "server-only";
import type { Metadata } from "next";
import { currentUser } from "@/lib/auth/guards";
import { isStaff } from "@/lib/auth/roles";
import { schoolMessages, type Messages } from "@/lib/messages";

/** The `generateMetadata` of an administration page: its title is told only to an administrator
 *  (to a ministry administrator for the ministry's pages; to any member of staff for the second
 *  factor's); anyone else gets the plain 404's. */
export function adminMetadata(title: (t: Messages) => string, who: "admin" | "ministry" | "staff" = "admin") {
  return async function generateMetadata(): Promise<Metadata> {
    const user = await currentUser();
    const allowed =
      (who === "staff" && user && isStaff(user.role)) ||
      (user?.role === "admin" && (who === "admin" || user.ministry));
    return allowed ? { title: title(schoolMessages()) } : {};
  };
}
