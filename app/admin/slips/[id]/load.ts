import "server-only";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/auth/guards";
import { ForbiddenError } from "@/lib/data/errors";

/** The id from the address, for a data function that refuses anyone else's set: a made-up id
 *  and another school's set are the same 404. */
export async function forSlipSet<T>(
  params: Promise<{ id: string }>,
  load: (admin: Awaited<ReturnType<typeof requireAdmin>>, id: number) => Promise<T>,
): Promise<T> {
  const admin = await requireAdmin();
  const { id } = await params;
  if (!/^[1-9]\d{0,9}$/.test(id)) notFound();
  try {
    return await load(admin, Number(id));
  } catch (error) {
    if (error instanceof ForbiddenError) notFound();
    throw error;
  }
}

export { schoolTime as slipTime } from "@/lib/school-time";
