"use server";
import { revalidatePath } from "next/cache";
import { requireAdmin } from "@/lib/auth/guards";
import { unlockAccount } from "@/lib/data/admin";
import { ForbiddenError } from "@/lib/data/errors";
import { parseUnlockForm, unlockRefusedState } from "@/lib/form-handlers";
import type { FormState } from "@/lib/forms";
import { getMessages } from "@/lib/messages";
import { clientAddress } from "@/lib/request";

export async function unlock(_state: FormState, formData: FormData): Promise<FormState> {
  // The action checks its caller itself: a page's guard does not protect its actions.
  const admin = await requireAdmin();
  const parsed = parseUnlockForm(formData);
  if (!parsed.ok) return parsed.state;
  let unlocked: { fullName: string };
  try {
    unlocked = await unlockAccount(admin, parsed.data.userId, await clientAddress());
  } catch (error) {
    if (error instanceof ForbiddenError) return unlockRefusedState();
    throw error;
  }
  revalidatePath("/admin");
  return { status: "success", message: getMessages().admin.unlocked(unlocked.fullName) };
}
