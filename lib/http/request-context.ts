// The request being handled, for whatever runs while it is (lib/http/server.ts starts one per
// request): the log's lines (lib/server/log.ts) and the hashing pool's admission ticket (lib/crypto/hash-pool.ts).
// No `server-only`: the hashing pool is also used by the scripts, where there is no request.
import { AsyncLocalStorage } from "node:async_hooks";
import type { HashTicket } from "../crypto/hash-pool";
import { processWide } from "../server/process-wide";

export type RequestContext = {
  reqId: string;
  method: string;
  route: string;
  /** A keyed hash of the client's address (lib/server/log.ts), never the address. */
  client: string | null;
  /** The hashing this request was admitted for at the edge (proxy.ts). */
  hashTicket?: HashTicket;
};

export const requestContext: AsyncLocalStorage<RequestContext> = processWide(
  "requestContext",
  () => new AsyncLocalStorage<RequestContext>(),
);
