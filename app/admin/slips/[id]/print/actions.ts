"use server";
import { requireAdmin } from "@/lib/auth/guards";
import { ForbiddenError } from "@/lib/data/errors";
import { collectSlips, isSlipSetId, type Collected } from "@/lib/data/slips";
import { formValues } from "@/lib/forms";
import { schoolMessages } from "@/lib/messages";
import { clientInfo } from "@/lib/http/request";
import { schoolTime } from "@/lib/school/time";
import type { CollectState } from "./collect-state";

/** The login slips, taken on this POST only (the page's GET changes nothing), and answered in
 *  this response: once. A second press, a reload that posts again or another tab is told when
 *  they were taken. */
export async function collectLoginSlips(_state: CollectState, formData: FormData): Promise<CollectState> {
  const admin = await requireAdmin();
  const t = schoolMessages();
  const refused: CollectState = { status: "error", message: t.admin.notAllowed };
  const slipSetId = formValues(formData).slipSetId;
  if (!isSlipSetId(slipSetId)) return refused;
  let collected: Collected;
  try {
    collected = await collectSlips(admin, slipSetId, await clientInfo());
  } catch (error) {
    if (error instanceof ForbiddenError) return refused;
    throw error;
  }
  if (collected.status === "slips") return { status: "slips", slips: collected.slips };
  const { progress } = collected;
  if (progress.status === "collected") {
    const when = schoolTime.format(progress.collectedAt ?? new Date());
    return { status: "collected", message: t.cohort.collected(when) };
  }
  return { status: "error", message: progress.status === "failed" ? t.cohort.failed : t.cohort.working };
}
