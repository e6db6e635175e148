// Story: whatever happens, no password, answer or grant token is stored as typed.
import { describe, expect, it } from "vitest";
import {
  auditEvents,
  challengeStates,
  passwordHistory,
  resetGrants,
  securityAnswers,
  users,
} from "@/db/schema";
import { checkAnswers } from "@/lib/data/challenge";
import { getDb } from "@/lib/data/db";
import { changeOwnPassword } from "@/lib/data/passwords";
import { resetPasswordWithGrant } from "@/lib/data/reset-grants";
import { saveSecurityAnswers } from "@/lib/data/security-questions";
import { authenticate } from "@/lib/data/sign-in";
import {
  ALEX,
  SITI,
  answersFor,
  newPassword,
  openChallenge,
  signIn,
  signInWithSession,
  type Answers,
  CLIENT,
  IP,
} from "./helpers";

const ANSWERS: Answers = { 1: "Komodo Dragon", 5: "Spider Heroine", 8: "Secret Garden" };
const RESET_PASSWORD = "Marigold-Teapot-61";
const CHANGED_PASSWORD = "Velvet-Umbrella-73";

async function everyRowAsText(): Promise<string> {
  const db = await getDb();
  const tables = { users, securityAnswers, auditEvents, passwordHistory, resetGrants, challengeStates };
  const dump: Record<string, unknown[]> = {};
  for (const [name, table] of Object.entries(tables)) dump[name] = await db.select().from(table);
  return JSON.stringify(dump).toLowerCase();
}

describe("no secret in the database in plain text", () => {
  it("stores no password, answer or token as typed after setup, reset and change", async () => {
    const alex = await signInWithSession(ALEX);
    const questionIds = Object.keys(ANSWERS).map(Number);
    const saved = await saveSecurityAnswers(alex, { questionIds, answers: Object.values(ANSWERS) }, CLIENT);
    expect(saved).toEqual({ status: "saved" });

    // Wrong answers and a wrong password typed along the way are secrets too.
    const asked = await openChallenge(ALEX.loginId);
    await checkAnswers(ALEX.loginId, ["Almost Komodo", "Nearly Garden"], CLIENT);
    await authenticate(ALEX.loginId, "Typo-Password-00", IP);
    const result = await checkAnswers(ALEX.loginId, answersFor(asked, ANSWERS), CLIENT);
    expect(result.status).toBe("correct");
    if (result.status !== "correct") return;
    expect(
      await resetPasswordWithGrant(result.grantToken, newPassword(RESET_PASSWORD), CLIENT),
    ).toMatchObject({
      status: "reset",
    });
    const after = await signIn({ loginId: ALEX.loginId, password: RESET_PASSWORD });
    const input = { currentPassword: RESET_PASSWORD, ...newPassword(CHANGED_PASSWORD) };
    expect(await changeOwnPassword(after, input, CLIENT)).toEqual({ status: "changed" });
    await signIn(SITI);

    const text = await everyRowAsText();
    expect(text).toContain("alex_tan"); // the dump is real
    expect(text).toContain("$argon2id$");
    const secrets = [
      ALEX.password,
      RESET_PASSWORD,
      CHANGED_PASSWORD,
      SITI.password,
      "Typo-Password-00",
      ...Object.values(ANSWERS),
      ...Object.values(SITI.answers),
      "Almost Komodo",
      "Nearly Garden",
      result.grantToken,
    ];
    for (const secret of secrets) expect(text, secret).not.toContain(secret.toLowerCase());
  });
});
