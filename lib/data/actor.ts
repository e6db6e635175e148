import "server-only";
import { ForbiddenError } from "./errors";
import { loadSessionUser, type SessionUser } from "./users";

/** Every data function that acts for a signed-in person re-checks that person here. */
export async function assertActor(
  actor: Pick<SessionUser, "id" | "sessionVersion"> | null | undefined,
  role?: "student" | "admin",
): Promise<SessionUser> {
  if (!actor) throw new ForbiddenError();
  const current = await loadSessionUser(actor.id, actor.sessionVersion);
  if (!current || (role && current.role !== role)) throw new ForbiddenError();
  return current;
}
