import type { Slip } from "@/lib/data/slips";

/** What pressing "Show and print the login slips" answers: the slips (once), or why not. */
export type CollectState =
  | { status: "idle" }
  | { status: "slips"; slips: Slip[] }
  | { status: "collected" | "error"; message: string };

export const NOT_COLLECTED: CollectState = { status: "idle" };
