"use server";
import { signOut } from "@/lib/auth/auth";
import { currentUser } from "@/lib/auth/guards";
import { recordSignOut } from "@/lib/data/sign-in";
import { clientAddress } from "@/lib/request";

export async function logOut(): Promise<void> {
  const user = await currentUser();
  if (user) await recordSignOut(user, await clientAddress());
  await signOut({ redirectTo: "/login" });
}
