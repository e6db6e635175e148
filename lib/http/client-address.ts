// Whose request is this: the client's address, for the rate limits, the audit log and the
// families' notices. The TCP peer's address is the one thing a client cannot choose; an
// X-Forwarded-For entry counts only when one of the TRUST_PROXY_HOPS proxies in front of the app
// appended it. With no trusted proxy the header is ignored whatever it says, and a value that is
// not an IP address is never used anywhere.
import { randomBytes } from "node:crypto";
import { isIP } from "node:net";
import { processWide } from "../server/process-wide";

/** The request header through which this process hands the socket's peer address from the HTTP
 *  server to the proxy and the pages. Its name has a random part made when the process starts,
 *  so a client cannot send one of its own (and the server overwrites it on every request). */
export function peerHeaderName(): string {
  return processWide("peerHeader", () => `x-sspr-peer-${randomBytes(12).toString("hex")}`);
}

/** An IP address as written in one canonical form (IPv4-mapped IPv6 as IPv4), or null for
 *  anything that is not one: a name, a port, text a client made up. */
export function canonicalAddress(value: string | null | undefined): string | null {
  if (!value) return null;
  let address = value.trim();
  if (address.length > 64) return null;
  if (address.startsWith("::ffff:") && isIP(address.slice(7)) === 4) address = address.slice(7);
  const kind = isIP(address);
  if (kind === 0) return null;
  return kind === 6 ? address.toLowerCase() : address;
}

/** The client's address: the peer's when no proxy is trusted, else the entry the nearest of the
 *  `hops` trusted proxies appended to X-Forwarded-For (each proxy appends the address it saw).
 *  Null when there is none that is an IP address. */
export function clientAddressOf(
  peer: string | null,
  forwardedFor: string | null,
  hops: number,
): string | null {
  const trusted = Math.max(0, Math.trunc(hops));
  if (trusted === 0) return canonicalAddress(peer);
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // [...forwarded, peer]: the peer is the nearest proxy; `hops` steps back is the client. A chain
  // shorter than that (a proxy that did not append) gives its first entry.
  const chain = [...entries, peer];
  const index = Math.max(0, chain.length - 1 - trusted);
  return canonicalAddress(chain[index] ?? null);
}
