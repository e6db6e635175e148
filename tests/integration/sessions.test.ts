// Story: after a password change or reset, every session from before ends.
import { describe, expect, it } from "vitest";
import { assertActor } from "@/lib/data/actor";
import { ForbiddenError } from "@/lib/data/errors";
import { changeOwnPassword } from "@/lib/data/passwords";
import { resetPasswordWithGrant } from "@/lib/data/reset-grants";
import { questionsSetUp } from "@/lib/data/security-questions";
import { loadSessionUser } from "@/lib/data/users";
import { ALEX, SITI, earnGrant, newPassword, signIn, CLIENT } from "./helpers";

describe("sessions after a password change or reset", () => {
  it("refuses siti's old sessions after a reset with security questions", async () => {
    const onLaptop = await signIn(SITI);
    const onPhone = await signIn(SITI);
    expect(onPhone.sessionVersion).toBe(onLaptop.sessionVersion);

    const grant = await earnGrant(SITI.loginId, SITI.answers);
    expect(await resetPasswordWithGrant(grant, newPassword("Orange-Lantern-88"), CLIENT)).toMatchObject({
      status: "reset",
    });

    expect(await loadSessionUser(onLaptop.id, onLaptop.sessionVersion)).toBeNull();
    await expect(assertActor(onLaptop)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(assertActor(onPhone, "student")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(questionsSetUp(onPhone)).rejects.toBeInstanceOf(ForbiddenError);

    // No automatic sign-in: only signing in again with the new password makes a session.
    const again = await signIn({ loginId: SITI.loginId, password: "Orange-Lantern-88" });
    expect(again.sessionVersion).toBe(onLaptop.sessionVersion + 1);
    expect(await assertActor(again)).toMatchObject({ id: onLaptop.id, loginId: SITI.loginId });
  });

  it("refuses alex's old sessions after he changes his password, except the new one", async () => {
    const old = await signIn(ALEX);
    const other = await signIn(ALEX);
    expect(
      await changeOwnPassword(
        old,
        { currentPassword: "Wrong-Guess-000", ...newPassword("Orange-Lantern-88") },
        CLIENT,
      ),
    ).toEqual({ status: "wrongCurrentPassword" });
    expect(await loadSessionUser(old.id, old.sessionVersion)).not.toBeNull();

    const input = { currentPassword: ALEX.password, ...newPassword("Orange-Lantern-88") };
    expect(await changeOwnPassword(old, input, CLIENT)).toEqual({ status: "changed" });

    for (const session of [old, other]) {
      expect(await loadSessionUser(session.id, session.sessionVersion)).toBeNull();
      await expect(assertActor(session)).rejects.toBeInstanceOf(ForbiddenError);
    }
    // The same old session cannot change the password again.
    const again = { currentPassword: "Orange-Lantern-88", ...newPassword("Another-Lantern-99") };
    await expect(changeOwnPassword(old, again, CLIENT)).rejects.toBeInstanceOf(ForbiddenError);

    const fresh = await signIn({ loginId: ALEX.loginId, password: "Orange-Lantern-88" });
    expect(fresh.sessionVersion).toBe(old.sessionVersion + 1);
    expect(await loadSessionUser(fresh.id, fresh.sessionVersion)).toMatchObject({ id: old.id });
  });

  it("refuses a session whose version is made up or whose account is unknown", async () => {
    const lim = await signIn({ loginId: "lim_wei_jie", password: "Green-Paper-Boat-5" });
    expect(await loadSessionUser(lim.id, lim.sessionVersion + 1)).toBeNull();
    expect(await loadSessionUser(987_654, 1)).toBeNull();
    await expect(assertActor({ id: lim.id, sessionVersion: lim.sessionVersion + 1 })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(assertActor(lim, "admin")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(assertActor(undefined)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
