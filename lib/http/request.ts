import "server-only";
import { headers } from "next/headers";
import { clientAddressOf, peerHeaderName } from "./client-address";
import { config } from "../server/config";
import { logProblem } from "../server/log";

/** Where a request came from, for the audit log and the e-mail notices: its address (an IP
 *  address in canonical form, or null) and its user agent (which a notice describes in plain
 *  words, never with the raw string). */
export type ClientInfo = { address: string | null; userAgent: string | null };

/** What the data functions take: the request's client, or null for a change no request made
 *  (a stale run of wrong answers settled later). */
export type ClientInput = ClientInfo | null;

let warnedNoAddress = false;

/** The client's address (lib/http/client-address.ts): the socket's, or the nearest trusted proxy's
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

/** The address and the user agent of this request. */
export function clientInfoFrom(source: Headers): ClientInfo {
  return { address: clientAddressFrom(source), userAgent: source.get("user-agent")?.slice(0, 512) ?? null };
}

export async function clientInfo(): Promise<ClientInfo> {
  return clientInfoFrom(await headers());
}
