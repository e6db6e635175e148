// A real SMTP server for the notice stories (the `smtp-server` package on a loopback port), and
// what a receiver reads of each message: the envelope, the headers, the decoded text.
import { execFileSync } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { connect, createServer, type AddressInfo, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = {
  /** The envelope's recipients: where the message really went. */
  rcptTo: string[];
  messageId: string;
  subject: string;
  text: string;
  raw: string;
};

/** What the server does with a message: take it, or never answer (a stalled send). */
export type OnMessage = (mail: ReceivedMail, nth: number) => "accept" | "stall";

function unfold(headers: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of headers.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) map.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return map;
}

function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, encoding: string, text: string) =>
    encoding.toUpperCase() === "B"
      ? Buffer.from(text, "base64").toString("utf8")
      : decodeQuotedPrintable(text.replace(/_/g, " ")),
  );
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`);
  return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, "%25"));
}

export function parseMail(raw: string, rcptTo: string[]): ReceivedMail {
  const split = raw.indexOf("\r\n\r\n");
  const headers = unfold(raw.slice(0, split));
  const body = raw.slice(split + 4);
  const encoding = headers.get("content-transfer-encoding")?.toLowerCase();
  const text =
    encoding === "quoted-printable"
      ? decodeQuotedPrintable(body)
      : encoding === "base64"
        ? Buffer.from(body, "base64").toString("utf8")
        : body;
  return {
    rcptTo,
    messageId: headers.get("message-id") ?? "",
    subject: decodeWords(headers.get("subject") ?? ""),
    text: text.replace(/\r\n/g, "\n"),
    raw,
  };
}

export type MailServer = {
  /** Plain SMTP, said explicitly (`?requireTLS=false`): a server without `tls` offers no STARTTLS. */
  url: string;
  port: number;
  /** Every AUTH the server was sent (right or wrong), and whether the connection was encrypted. */
  logins: { user: string; secure: boolean }[];
  /** Messages the server accepted (250 after DATA). */
  accepted: ReceivedMail[];
  /** Every DATA the server read, accepted or not. */
  seen: ReceivedMail[];
  /** Resolves once the predicate holds; checked whenever a message is read or accepted. */
  until(predicate: () => boolean): Promise<void>;
  close(): Promise<void>;
};

/** A port nobody listens on now (for "SMTP is down"), then served on later. */
export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, "127.0.0.1");
  await once(probe, "listening");
  const { port } = probe.address() as AddressInfo;
  probe.close();
  await once(probe, "close");
  return port;
}

export async function startMailServer(
  options: {
    port?: number;
    onMessage?: OnMessage;
    delayMs?: number;
    refuse?: (rcpt: string) => boolean;
    /** Require this login before a message (AUTH PLAIN or LOGIN). */
    login?: { user: string; pass: string };
    /** Offer STARTTLS with this certificate (and take a login only after it). Without: no TLS. */
    tls?: Certificate;
  } = {},
): Promise<MailServer> {
  const accepted: ReceivedMail[] = [];
  const seen: ReceivedMail[] = [];
  const logins: MailServer["logins"] = [];
  const waiters: (() => void)[] = [];
  const { login, tls } = options;
  const server = new SMTPServer({
    authOptional: !login,
    authMethods: ["PLAIN", "LOGIN"],
    allowInsecureAuth: !tls,
    disabledCommands: [...(tls ? [] : ["STARTTLS"]), ...(login ? [] : ["AUTH"])],
    ...(tls ? { key: tls.key, cert: tls.cert } : {}),
    logger: false,
    closeTimeout: 50,
    onAuth(auth, session, callback) {
      logins.push({ user: auth.username ?? "", secure: session.secure });
      if (auth.username === login?.user && auth.password === login?.pass)
        return callback(null, { user: auth.username });
      callback(Object.assign(new Error("5.7.8 Authentication failed"), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      if (!options.refuse?.(address.address)) return callback();
      callback(Object.assign(new Error("5.1.1 No such mailbox here"), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const rcptTo = session.envelope.rcptTo.map((rcpt) => rcpt.address);
        const mail = parseMail(Buffer.concat(chunks).toString("utf8"), rcptTo);
        seen.push(mail);
        for (const wake of waiters.splice(0)) wake();
        if ((options.onMessage?.(mail, seen.length) ?? "accept") === "stall") return;
        setTimeout(() => {
          accepted.push(mail);
          callback();
          for (const wake of waiters.splice(0)) wake();
        }, options.delayMs ?? 0);
      });
    },
  });
  server.on("error", () => {});
  server.listen(options.port ?? 0, "127.0.0.1");
  await once(server.server, "listening");
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}?requireTLS=false`,
    port,
    logins,
    accepted,
    seen,
    async until(predicate) {
      while (!predicate()) await new Promise<void>((wake) => waiters.push(wake));
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

export type Certificate = { key: string; cert: string };

/** A self-signed certificate for 127.0.0.1, made now: the tests trust it by passing it as a CA. */
export function selfSignedCertificate(): Certificate {
  const dir = mkdtempSync(join(tmpdir(), "sspr-smtp-cert-"));
  try {
    const [key, cert] = [join(dir, "key.pem"), join(dir, "cert.pem")];
    execFileSync(
      "openssl",
      ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        .concat(["-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1"])
        .concat(["-addext", "subjectAltName=IP:127.0.0.1"]),
      { stdio: "ignore" },
    );
    return { key: readFileSync(key, "utf8"), cert: readFileSync(cert, "utf8") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export type Wiretap = {
  port: number;
  /** What the client sent, as anyone on the network between it and the server reads it. */
  heard(): string;
  close(): Promise<void>;
};

/** A relay in front of a loopback server that keeps every byte the client sends through it. */
export async function startWiretap(serverPort: number): Promise<Wiretap> {
  const heard: Buffer[] = [];
  const sockets = new Set<Socket>();
  const relay = createServer((client) => {
    const upstream = connect(serverPort, "127.0.0.1");
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("error", () => {});
      socket.on("close", () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.on("data", (chunk: Buffer) => heard.push(chunk));
    client.pipe(upstream);
    upstream.pipe(client);
  });
  relay.listen(0, "127.0.0.1");
  await once(relay, "listening");
  return {
    port: (relay.address() as AddressInfo).port,
    heard: () => Buffer.concat(heard).toString("latin1"),
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        relay.close(() => done());
      }),
  };
}
