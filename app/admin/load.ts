import "server-only";
import { notFound } from "next/navigation";
import { ForbiddenError } from "@/lib/data/errors";
import { isSlipSetId } from "@/lib/data/slips";

/** The row the address names (`[id]`), from a data function that refuses anyone else's
 *  (ForbiddenError): text that is no id, a made-up id and another school's row are the same 404.
 *  The page checks its caller first, as every page does. */
export async function loadOr404<Id, T>(
  params: Promise<{ id: string }>,
  parse: (text: string) => Id | undefined,
  load: (id: Id) => Promise<T>,
): Promise<T> {
  const id = parse((await params).id);
  if (id === undefined) notFound();
  try {
    return await load(id);
  } catch (error) {
    if (error instanceof ForbiddenError) notFound();
    throw error;
  }
}

/** A slip set's public id (a random uuid, never the row's serial id). */
export const parseSlipSetId = (text: string): string | undefined => (isSlipSetId(text) ? text : undefined);
