import "server-only";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/auth/guards";
import { ForbiddenError } from "@/lib/data/errors";
import { isSlipSetId } from "@/lib/data/slips";

/** The set's public id from the address (a random uuid, never the row's serial id), for a data
 *  function that refuses anyone else's set: a made-up id and another school's set are the same
 *  404. */
export async function forSlipSet<T>(
  params: Promise<{ id: string }>,
  load: (admin: Awaited<ReturnType<typeof requireAdmin>>, id: string) => Promise<T>,
): Promise<T> {
  const admin = await requireAdmin();
  const { id } = await params;
  if (!isSlipSetId(id)) notFound();
  try {
    return await load(admin, id);
  } catch (error) {
    if (error instanceof ForbiddenError) notFound();
    throw error;
  }
}

export { schoolTime as slipTime } from "@/lib/school-time";
