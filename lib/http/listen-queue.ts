// The connections waiting to be taken by this server: accepted by the kernel, not yet by the
// event loop. When the event loop is saturated, a rush waits there, unseen by anything the server
// measures of its own requests (a client saw 7 s where the server counted 50 ms). Linux says how
// many there are: the rx_queue of a LISTEN line of /proc/net/tcp (tcp6 for an IPv6 socket) is its
// accept queue. The kernel lists listening sockets first, so only the start of the table is read
// (about half a millisecond; the whole table, with every connection and TIME_WAIT of a rush in it,
// cost ten times that), when admission asks and the last reading is older than FRESH_MS: a burst
// is seen within its first few requests, and an idle server reads nothing. 0 wherever it cannot
// be read (not Linux, a serverless host): admission then works as before. And only while the event
// loop is busy (over BUSY of the time since the last look): a loop with time to spare takes every
// waiting connection at its next turn, so nothing waits there for long, and a reading (half a
// millisecond) would cost a steady load about 1% of its request thread for nothing.
import { closeSync, openSync, readSync } from "node:fs";
import { performance, type EventLoopUtilization } from "node:perf_hooks";

const FRESH_MS = 50;
const BUSY = 0.75;
const CHUNK = 16 * 1024;
// "sl local_address rem_address st tx_queue:rx_queue …": a LISTEN line (st 0A, no remote port).
const LISTEN_LINE = /:([0-9A-F]{4}) [0-9A-F]+:0000 0A [0-9A-F]{8}:([0-9A-F]{8})/g;
// Any line past the header whose state is not LISTEN: the listening sockets are all behind it.
const OTHER_LINE = /^\s*\d+: [0-9A-F]+:[0-9A-F]{4} [0-9A-F]+:[0-9A-F]{4} (?!0A)[0-9A-F]{2} /m;

/** The accept queue of every LISTEN line for `ports`, summed, in a /proc/net/tcp table's text. */
export function acceptQueueOf(table: string, ports: ReadonlySet<number>): number {
  let queued = 0;
  for (const [, port = "", rx = ""] of table.matchAll(LISTEN_LINE)) {
    if (ports.has(Number.parseInt(port, 16))) queued += Number.parseInt(rx, 16);
  }
  return queued;
}

/** The start of a /proc/net/tcp table: up to the first line that is not a listening socket. */
export function listeningPart(path: string): string {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(CHUNK);
    let text = "";
    for (let offset = 0; ; offset += CHUNK) {
      const read = readSync(fd, buffer, 0, CHUNK, offset);
      text += buffer.toString("latin1", 0, read);
      if (read < CHUNK || OTHER_LINE.test(text)) return text;
    }
  } finally {
    closeSync(fd);
  }
}

export class ListenQueue {
  private readonly ports = new Set<number>();
  private readonly tables = new Set<string>();
  private readAt = Number.NEGATIVE_INFINITY;
  private latest = 0;
  private lastLook?: EventLoopUtilization;

  constructor(
    /** The share of the time since the last call that the event loop was busy (0 to 1); by
     *  default this process's own. */
    private readonly loopBusy: () => number = () => this.ownLoopBusy(),
  ) {}

  private ownLoopBusy(): number {
    const now = performance.eventLoopUtilization();
    const previous = this.lastLook;
    this.lastLook = now;
    // The first look has nothing to compare with: it reads the queue.
    return previous ? performance.eventLoopUtilization(now, previous).utilization : 1;
  }

  /** Watches the accept queue of a listening socket from now on. */
  watch(port: number, family: string): void {
    this.ports.add(port);
    this.tables.add(family === "IPv6" ? "/proc/net/tcp6" : "/proc/net/tcp");
  }

  /** Connections waiting to be accepted: read again if the latest reading is over FRESH_MS old
   *  and the event loop is busy; 0 while it is not. */
  length(now = performance.now()): number {
    if (now - this.readAt < FRESH_MS) return this.latest;
    this.readAt = now;
    if (this.loopBusy() < BUSY) return (this.latest = 0);
    let length = 0;
    for (const path of this.tables) {
      try {
        length += acceptQueueOf(listeningPart(path), this.ports);
      } catch {
        this.tables.delete(path); // no such table here: never read again
      }
    }
    this.latest = length;
    return length;
  }
}
