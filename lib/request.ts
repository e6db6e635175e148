import "server-only";
import { headers } from "next/headers";

/** The client's address as the first proxy saw it; for the audit log and rate limits. */
export function clientAddressFrom(source: Headers): string | null {
  const forwarded = source.get("x-forwarded-for")?.split(",")[0]?.trim();
  return (forwarded || source.get("x-real-ip") || null)?.slice(0, 64) ?? null;
}

export async function clientAddress(): Promise<string | null> {
  return clientAddressFrom(await headers());
}
