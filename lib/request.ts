import "server-only";
import { headers } from "next/headers";
import { config } from "./config";
import { clientAddressOf } from "./rate-limit";

/** The client's address as the nearest trusted proxy saw it; for the audit log. */
export function clientAddressFrom(source: Headers): string | null {
  const address = clientAddressOf(source.get("x-forwarded-for"), config.trustProxyHops);
  return address === "unknown" ? null : address.slice(0, 64);
}

export async function clientAddress(): Promise<string | null> {
  return clientAddressFrom(await headers());
}
