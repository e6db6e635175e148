import { en, type Messages } from "./en";

/** The words for the reader's language; English until the other languages arrive. */
export function getMessages(): Messages {
  return en;
}

export type { Messages };
