"use server";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { unlessBusy } from "@/lib/forms/busy";
import { signOut, unstable_update } from "@/lib/auth/auth";
import { requireStaffSession, SECOND_FACTOR_PATH } from "@/lib/auth/guards";
import { homePathOf, type Role } from "@/lib/auth/roles";
import {
  confirmEnrolment,
  redeemRecoveryCode,
  verifyTotpCode,
  type CodeResult,
} from "@/lib/data/second-factor";
import { parseForm, recoveryCodeSchema, totpCodeSchema, type FormState } from "@/lib/forms";
import { schoolMessages } from "@/lib/messages";
import { clientAddress } from "@/lib/http/request";

/** What checks a code: enrolment's first one, a later sign-in's, or a recovery code. */
type CodeCheck = typeof confirmEnrolment;

export async function confirmEnrolmentAction(state: FormState, formData: FormData): Promise<FormState> {
  // A second click after success keeps the recovery codes on the page.
  if (state.generated) return state;
  return checkCode(formData, totpCodeSchema, "code", confirmEnrolment);
}

export async function verifyCodeAction(_state: FormState, formData: FormData): Promise<FormState> {
  return checkCode(formData, totpCodeSchema, "code", verifyTotpCode);
}

export async function recoveryCodeAction(_state: FormState, formData: FormData): Promise<FormState> {
  return checkCode(formData, recoveryCodeSchema, "recoveryCode", redeemRecoveryCode);
}

/** The caller is checked here (a member of staff's session, passed or not: an administrator's or a
 *  teacher's) and again in the data function; the typed code is never sent back. */
async function checkCode<F extends string>(
  formData: FormData,
  schema: z.ZodType<Record<F, string>>,
  field: F,
  check: CodeCheck,
): Promise<FormState> {
  return unlessBusy(async () => {
    const session = await requireStaffSession();
    const parsed = parseForm(schema, formData);
    if (!parsed.ok) return parsed.state;
    const code = parsed.data[field];
    const result = await check({
      actor: session.user,
      sessionId: session.sessionId,
      code,
      clientAddress: await clientAddress(),
    });
    return afterCheck(result, field, session.user.role);
  });
}

async function afterCheck(result: CodeResult, field: string, role: Role): Promise<FormState> {
  const t = schoolMessages().secondFactor;
  switch (result.status) {
    case "passed":
      // The session goes on under the new id the server gave it (the old one has ended).
      await unstable_update({ renewedSid: result.sessionId });
      // Enrolment shows the recovery codes once; a later sign-in goes straight on.
      if (result.recoveryCodes) return { status: "success", generated: result.recoveryCodes.join(" ") };
      return redirect(homePathOf(role));
    case "locked":
      return { status: "error", fieldErrors: { [field]: t.locked(result.minutesLeft) } };
    case "wrong":
      return { status: "error", fieldErrors: { [field]: t.wrong(result.triesLeft) } };
    case "reused":
      return { status: "error", fieldErrors: { [field]: t.reused(result.triesLeft) } };
    case "signedOut":
      await signOut({ redirectTo: "/login?ended=second-factor" });
      return { status: "error" };
    case "notPending":
      return redirect(SECOND_FACTOR_PATH);
  }
}
