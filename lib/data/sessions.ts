import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { eq, lt } from "drizzle-orm";
import { sessions } from "@/db/schema";
import { getDb } from "./db";

// Server-side sessions behind the session cookie: a signed-out or idle session ends here,
// whatever the cookie says. Administrators' sessions end after a short idle time.

export const ADMIN_IDLE_MINUTES = 30;
// Writing last-seen on every request would cost a write per page; once a minute is enough.
const TOUCH_EVERY_MS = 60_000;

const hashId = (id: string) => createHash("sha256").update(id).digest("hex");

export async function startSession(userId: number, now = new Date()): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  const db = await getDb();
  await db.insert(sessions).values({ idHash: hashId(id), userId });
  // Sessions nobody has used for a day are gone for good.
  await db.delete(sessions).where(lt(sessions.lastSeenAt, new Date(now.getTime() - 86_400_000)));
  return id;
}

/** Whether the session still lives; touches it. An idle administrator's session ends. */
export async function continueSession(
  id: string,
  user: { id: number; role: "student" | "admin" },
  now = new Date(),
): Promise<boolean> {
  const db = await getDb();
  const idHash = hashId(id);
  const [row] = await db
    .select({ userId: sessions.userId, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .where(eq(sessions.idHash, idHash));
  if (!row || row.userId !== user.id) return false;
  const idleMs = now.getTime() - row.lastSeenAt.getTime();
  if (user.role === "admin" && idleMs > ADMIN_IDLE_MINUTES * 60_000) {
    await db.delete(sessions).where(eq(sessions.idHash, idHash));
    return false;
  }
  if (idleMs > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
  }
  return true;
}

export async function endSession(id: string): Promise<void> {
  const db = await getDb();
  await db.delete(sessions).where(eq(sessions.idHash, hashId(id)));
}
