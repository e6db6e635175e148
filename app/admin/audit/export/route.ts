import { adminForRoute, SECOND_FACTOR_PATH } from "@/lib/auth/guards";
import { auditFilterOf } from "@/lib/school/audit-filter";
import { exportAuditLog } from "@/lib/data/audit-read";
import { ForbiddenError } from "@/lib/data/errors";
import { schoolMessages } from "@/lib/messages";

/** The filtered audit log as a CSV file. Anyone but an administrator gets the plain 404, as for
 *  the pages; the data function checks the caller again and keeps to their school. */
export async function GET(request: Request): Promise<Response> {
  const notFound = () => new Response("Not found", { status: 404 });
  const user = await adminForRoute();
  if (user === "needsSecondFactor")
    return new Response(null, { status: 303, headers: { Location: SECOND_FACTOR_PATH } });
  if (!user) return notFound();
  const filter = auditFilterOf(Object.fromEntries(new URL(request.url).searchParams));
  try {
    const csv = await exportAuditLog(user, filter, schoolMessages().admin.audit.csvHeader);
    const day = new Date().toISOString().slice(0, 10);
    return new Response(`\ufeff${csv}`, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="audit-log-${day}.csv"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof ForbiddenError) return notFound();
    throw error;
  }
}
