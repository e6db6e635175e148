// Where a change came from, as a notice tells it: the client's address and, in plain words, the
// kind of device. The raw user-agent string never reaches a message, nor an address that is not
// an IP address (a client's made-up text).
import { canonicalAddress } from "../client-address";

export type ClientInfo = { address: string | null; userAgent: string | null };

/** What the data functions accept: the address alone (older callers, tests) or both. */
export type ClientInput = ClientInfo | string | null;

export type DeviceKind = "phone" | "tablet" | "computer" | "unknown";

export function clientInfoOf(input: ClientInput | undefined): ClientInfo {
  if (input === null || input === undefined) return { address: null, userAgent: null };
  if (typeof input === "string") return { address: canonicalAddress(input), userAgent: null };
  return { address: canonicalAddress(input.address), userAgent: input.userAgent };
}

export function clientAddressOf(input: ClientInput | undefined): string | null {
  return clientInfoOf(input).address;
}

/** Tablets first: an Android tablet says "Android" without "Mobile"; an iPad says "iPad". */
export function deviceKindOf(userAgent: string | null | undefined): DeviceKind {
  const ua = userAgent?.slice(0, 512) ?? "";
  if (!ua.trim()) return "unknown";
  if (/iPad|Tablet|PlayBook|Silk|Kindle/i.test(ua) || (/Android/i.test(ua) && !/Mobile/i.test(ua))) {
    return "tablet";
  }
  if (/Mobi|iPhone|iPod|Android|Windows Phone|BlackBerry/i.test(ua)) return "phone";
  if (/Windows NT|Macintosh|Mac OS X|X11|Linux|CrOS/i.test(ua)) return "computer";
  return "unknown";
}
