// Story: a family sets up the answers in Chinese or Tamil, on a page in any language, and later
// resets the password with them typed on another keyboard: the stored choice is the question's id
// and the answers are normalised (NFKC) the same way, so what was set up is what is checked.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { securityAnswers } from "@/db/schema";
import { checkAnswers } from "@/lib/data/challenge";
import { getDb } from "@/lib/data/db";
import { resetPasswordWithGrant } from "@/lib/data/reset-grants";
import { saveSecurityAnswers } from "@/lib/data/security-questions";
import { authenticate } from "@/lib/data/sign-in";
import {
  answersFor,
  CLIENT,
  createStudent,
  newPassword,
  openChallenge,
  signInWithSession,
  type Answers,
} from "./helpers";

type Family = { loginId: string; password: string; answers: Answers; typed: Answers };

const FAMILIES: Record<string, Family> = {
  Chinese: {
    loginId: "xiao_hua_lim",
    password: "Lantern-Festival-88",
    answers: { 1: "大熊猫", 4: "海南鸡饭", 7: "哪吒 之魔童降世" },
    // Full-width spaces and letters as a Chinese keyboard types them, spaces doubled.
    typed: { 1: "　大熊猫　", 4: "海南鸡饭", 7: "哪吒　　之魔童降世" },
  },
  Tamil: {
    loginId: "meena_pillai",
    password: "Monsoon-Kite-Flying-4",
    answers: { 2: "நீலம்", 6: "பொம்மை வண்டி", 8: "பொன்னியின் செல்வன்" },
    // "ொ" typed as its two parts (U+0BC6 U+0BBE): NFKC makes it the one letter again.
    typed: {
      2: " நீலம் ",
      6: "\u0BAA\u0BC6\u0BBE\u0BAE\u0BCD\u0BAE\u0BC8  வண்டி",
      8: "\u0BAA\u0BC6\u0BBE\u0BA9\u0BCD\u0BA9\u0BBF\u0BAF\u0BBF\u0BA9\u0BCD செல்வன்",
    },
  },
};

describe.each(Object.entries(FAMILIES))("answers in %s", (_script, family) => {
  it("are set up, then checked typed another way, and reset the password", async () => {
    await createStudent(family.loginId, { password: family.password, fullName: "Chen Mei Ling Raman" });
    const student = await signInWithSession(family);
    const ids = Object.keys(family.answers).map(Number);
    const saved = await saveSecurityAnswers(
      student,
      { questionIds: ids, answers: ids.map((id) => family.answers[id]!) },
      CLIENT,
    );
    expect(saved).toEqual({ status: "saved" });

    // Only hashes are kept: no answer in any script is readable in the database.
    const rows = await (
      await getDb()
    )
      .select({ hash: securityAnswers.answerHash })
      .from(securityAnswers)
      .where(eq(securityAnswers.userId, student.id));
    expect(rows).toHaveLength(3);
    for (const { hash } of rows) {
      for (const answer of Object.values(family.answers)) expect(hash).not.toContain(answer);
    }

    const asked = await openChallenge(family.loginId);
    const typed = answersFor(asked, family.typed);
    // The keyboard's form differs from what was set up, and still matches.
    expect(typed.some((answer, i) => answer !== answersFor(asked, family.answers)[i])).toBe(true);
    const result = await checkAnswers(family.loginId, typed, CLIENT);
    if (result.status !== "correct") throw new Error(`expected correct answers, got ${result.status}`);

    const reset = await resetPasswordWithGrant(
      result.grantToken,
      newPassword("Starfruit-Garden-2027"),
      CLIENT,
    );
    expect(reset.status).toBe("reset");
    expect(await authenticate(family.loginId, "Starfruit-Garden-2027", CLIENT.address)).not.toBeNull();
  });

  it("refuse a different answer in the same script", async () => {
    const asked = await openChallenge(family.loginId);
    const wrong = answersFor(asked, family.answers).map((answer) => `${answer}${answer.slice(0, 1)}`);
    expect(await checkAnswers(family.loginId, wrong, CLIENT)).toEqual({ status: "wrong", lockedNow: "open" });
  });
});
