import "server-only";
import { inArray } from "drizzle-orm";
import { guardianCodes, resetCodes } from "@/db/schema";
import type { Executor } from "@/db/client";

/** Ends the live one-time codes of these students, the school's and a guardian's, in the caller's
 *  transaction: whatever ends a reset grant or restarts the gate (an unlock, a reset, questions
 *  cleared or set, a disabled account) ends them too. */
export async function endOneTimeCodes(tx: Executor, userIds: number | number[]): Promise<void> {
  const ids = Array.isArray(userIds) ? userIds : [userIds];
  if (ids.length === 0) return;
  await tx.delete(resetCodes).where(inArray(resetCodes.userId, ids));
  await tx.delete(guardianCodes).where(inArray(guardianCodes.userId, ids));
}
