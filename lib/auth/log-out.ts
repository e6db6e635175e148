"use server";
import { sessionClaims, signOut } from "@/lib/auth/auth";
import { currentUser } from "@/lib/auth/guards";
import { endSession } from "@/lib/data/sessions";
import { recordSignOut } from "@/lib/data/sign-in";
import { clientAddress } from "@/lib/http/request";

export async function logOut(): Promise<void> {
  const user = await currentUser();
  if (user) await recordSignOut(user, await clientAddress());
  const claims = await sessionClaims();
  if (claims) await endSession(claims.sid);
  await signOut({ redirectTo: "/login" });
}
