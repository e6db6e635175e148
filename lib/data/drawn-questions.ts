// The two questions a challenge asks (lib/data/challenge-state.ts keeps the gate they live on):
// drawn once and kept until answered correctly, so reloading never offers easier ones.
import "server-only";
import { randomInt } from "node:crypto";
import { eq } from "drizzle-orm";
import { challengeStates } from "@/db/schema";
import type { Executor } from "@/db/client";
import { lockRow, type GateKey } from "./challenge-state";
import { getDb } from "./db";

export async function clearDrawnQuestions(tx: Executor, userId: number): Promise<void> {
  await tx
    .update(challengeStates)
    .set({ drawnQuestions: null })
    .where(eq(challengeStates.gateKey, `u:${userId}`));
}

function pickTwo(candidates: number[]): number[] {
  const pool = [...candidates];
  const first = pool.splice(randomInt(pool.length), 1)[0]!;
  const second = pool[randomInt(pool.length)]!;
  return [first, second];
}

/** The questions of the current challenge: kept until answered correctly, so reloading never
 *  offers easier ones. `fixed` (decoys) are always the same for one login ID. */
export async function drawQuestions(
  gate: GateKey,
  candidates: number[],
  fixed?: number[],
): Promise<number[]> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const row = await lockRow(tx, gate);
    const kept = row.drawnQuestions;
    if (kept && kept.length === 2 && kept.every((id) => candidates.includes(id)) && !fixed) return kept;
    const drawn = fixed ?? pickTwo(candidates);
    if (!kept || kept.join() !== drawn.join()) {
      await tx
        .update(challengeStates)
        .set({ drawnQuestions: drawn })
        .where(eq(challengeStates.gateKey, gate.key));
    }
    return drawn;
  });
}

export async function readDrawnQuestions(gate: GateKey): Promise<number[] | null> {
  const db = await getDb();
  const [row] = await db
    .select({ drawn: challengeStates.drawnQuestions })
    .from(challengeStates)
    .where(eq(challengeStates.gateKey, gate.key));
  return row?.drawn ?? null;
}
