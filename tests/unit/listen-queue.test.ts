// The accept queue of the server's listening sockets, as Linux shows it in /proc/net/tcp{,6}.
import { createServer, connect, type Server, type Socket } from "node:net";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ListenQueue, acceptQueueOf, listeningPart } from "@/lib/http/listen-queue";

const TCP = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:0F9F 00000000:0000 0A 00000000:000001EF 00:00000000 00000000     0        0 1 1 0000000000000000 100 0 0 10 0
   1: 0100007F:1538 00000000:0000 0A 00000000:00000007 00:00000000 00000000   106        0 2 1 0000000000000000 100 0 0 10 0
   2: 0100007F:0F9F 0100007F:B2C4 01 00000000:00000200 00:00000000 00000000     0        0 3 1 0000000000000000 20 4 30 10 -1
`;
const TCP6 = `  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000000000000000000000000000:0F9F 00000000000000000000000000000000:0000 0A 00000000:00000003 00:00000000 00000000     0        0 4 1 0000000000000000 100 0 0 10 0
`;

describe("acceptQueueOf", () => {
  it("sums the accept queue of the LISTEN lines of the server's ports, and nothing else", () => {
    expect(acceptQueueOf(TCP, new Set([3999]))).toBe(495);
    expect(acceptQueueOf(TCP6, new Set([3999]))).toBe(3);
    // Another program's port; an established connection's unread bytes are not a queue.
    expect(acceptQueueOf(TCP, new Set([5432]))).toBe(7);
    expect(acceptQueueOf(TCP, new Set([80]))).toBe(0);
    expect(acceptQueueOf("", new Set([3999]))).toBe(0);
  });

  it.runIf(process.platform === "linux")(
    "finds a real server's connections that its event loop has not taken yet",
    async () => {
      const server: Server = createServer();
      await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
      const { port } = server.address() as { port: number };
      // The handshakes complete in the kernel; the server takes them only when this code yields.
      const sockets: Socket[] = Array.from({ length: 5 }, () => connect(port, "127.0.0.1"));
      // Node makes the connections on its next tick, before the loop polls for the server's.
      await new Promise((done) => process.nextTick(done));
      for (const until = Date.now() + 100; Date.now() < until;);
      expect(acceptQueueOf(listeningPart("/proc/net/tcp"), new Set([port]))).toBe(5);
      // The start of the table holds every listening socket the whole table does.
      const whole = readFileSync("/proc/net/tcp", "latin1");
      expect(acceptQueueOf(whole, new Set([port]))).toBe(5);
      await new Promise((done) => setTimeout(done, 50));
      expect(acceptQueueOf(listeningPart("/proc/net/tcp"), new Set([port]))).toBe(0);
      for (const socket of sockets) socket.destroy();
      await new Promise((done) => server.close(done));
    },
  );

  it.runIf(process.platform === "linux")(
    "is read only while the event loop is busy: a loop with time to spare takes its connections itself",
    async () => {
      const server: Server = createServer();
      await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
      const { port } = server.address() as { port: number };
      let busy = 0.2;
      const queue = new ListenQueue(() => busy);
      queue.watch(port, "IPv4");
      const sockets: Socket[] = Array.from({ length: 4 }, () => connect(port, "127.0.0.1"));
      await new Promise((done) => process.nextTick(done));
      for (const until = Date.now() + 100; Date.now() < until;);
      // Four wait in the kernel; a loop said to be idle does not look.
      expect(queue.length(0)).toBe(0);
      // Busy: it reads, and keeps the reading for 50 ms.
      busy = 0.9;
      expect(queue.length(0)).toBe(0);
      expect(queue.length(60)).toBe(4);
      busy = 0.2;
      expect(queue.length(80)).toBe(4);
      expect(queue.length(120)).toBe(0);
      // This process's own loop, blocked for 100 ms just now, counts as busy.
      const own = new ListenQueue();
      own.watch(port, "IPv4");
      own.length();
      const more: Socket[] = Array.from({ length: 2 }, () => connect(port, "127.0.0.1"));
      await new Promise((done) => process.nextTick(done));
      for (const until = Date.now() + 100; Date.now() < until;);
      expect(own.length(performance.now() + 100)).toBeGreaterThanOrEqual(2);
      for (const socket of [...sockets, ...more]) socket.destroy();
      await new Promise((done) => server.close(done));
    },
  );
});
