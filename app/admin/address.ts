import { canonicalAddress } from "@/lib/http/client-address";

/** A client's address as the school reads it: an IPv4-mapped IPv6 address (`::ffff:127.0.0.1`,
 *  as a dual-stack socket reports an IPv4 client, in either case) as the IPv4 address it is. Rows
 *  written before addresses were stored in canonical form read the same as newer ones. */
export function shownAddress(address: string | null): string | null {
  return address === null ? null : (canonicalAddress(address.toLowerCase()) ?? address);
}
