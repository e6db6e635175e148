import "server-only";
import { redirect } from "next/navigation";
import type { CodeResult } from "@/lib/data/code-redemption";
import { normaliseLoginId } from "@/lib/data/users";
import { countAttempt } from "@/lib/limits/attempts";
import { parseForm, resetCodeSchema, type FormState } from "@/lib/forms";
import { getMessages } from "@/lib/messages";
import { clientInfo, type ClientInput } from "@/lib/http/request";
import { keepGrant, rememberLoginId } from "@/lib/reset/cookies";

/** A Login ID and a one-time code as typed (the school's or a guardian's): Change Password on a
 *  right code, the locked notice on a lock, and the same words for every other case. */
export async function redeemTypedCode(
  redeem: (loginId: string, code: string, client: ClientInput) => Promise<CodeResult>,
  formData: FormData,
): Promise<FormState> {
  await countAttempt("reset");
  const t = await getMessages();
  const parsed = parseForm(resetCodeSchema, formData, {}, t);
  if (!parsed.ok) return parsed.state;
  const loginId = normaliseLoginId(parsed.data.loginId);
  const result = await redeem(loginId, parsed.data.code, await clientInfo());
  if (result.status === "correct") {
    await keepGrant(result.grantToken);
    redirect("/sspr/change");
  }
  if (result.status !== "wrong") {
    // Locked: the challenge page shows the locked notice and how to reach the school.
    await rememberLoginId(loginId);
    redirect("/sspr/challenge");
  }
  // The same words whether the Login ID exists, has a code, or the code is wrong.
  return { status: "error", message: t.sspr.codeWrong, values: { loginId: parsed.data.loginId } };
}
