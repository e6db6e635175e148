import "server-only";
import { headers } from "next/headers";
import { config } from "./config";
import type { ClientInfo } from "./mail/client-info";
import { clientAddressOf } from "./rate-limit";

/** The client's address as the nearest trusted proxy saw it; for the audit log. */
export function clientAddressFrom(source: Headers): string | null {
  const address = clientAddressOf(source.get("x-forwarded-for"), config.trustProxyHops);
  return address === "unknown" ? null : address.slice(0, 64);
}

export async function clientAddress(): Promise<string | null> {
  return clientAddressFrom(await headers());
}

/** The address and the user agent, for the audit log and the e-mail notices (which describe the
 *  device in plain words, never with the raw string). */
export function clientInfoFrom(source: Headers): ClientInfo {
  return { address: clientAddressFrom(source), userAgent: source.get("user-agent")?.slice(0, 512) ?? null };
}

export async function clientInfo(): Promise<ClientInfo> {
  return clientInfoFrom(await headers());
}
