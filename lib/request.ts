import "server-only";
import { headers } from "next/headers";
import { clientAddressOf, peerHeaderName } from "./client-address";
import { config } from "./config";
import { logProblem } from "./log";
import type { ClientInfo } from "./mail/client-info";

let warnedNoAddress = false;

/** The client's address (lib/client-address.ts): the socket's, or the nearest trusted proxy's
 *  word for it; null when there is none that is an IP address. */
export function clientAddressFrom(source: Headers): string | null {
  const address = clientAddressOf(
    source.get(peerHeaderName()),
    source.get("x-forwarded-for"),
    config.trustProxyHops,
  );
  if (address === null && !warnedNoAddress) {
    warnedNoAddress = true;
    logProblem(
      "[sspr] a request came with no usable client address: it is not counted per address (the per-account limits still hold). Check TRUST_PROXY_HOPS.",
    );
  }
  return address;
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
