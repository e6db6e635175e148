// Story: a rolling update stops the image's server with SIGTERM while 20 students are signing in
// and the outbox is in the middle of sending a notice (the mail server takes its time to accept).
// No new connection is taken; every sign-in under way gets its whole answer; the notice being
// sent is finished and recorded; the database is closed and the process exits 0 within 10 s.
// Started again, the server does not send that notice a second time.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres, type Database } from "@/db/client";
import { notices, schools } from "@/db/schema";
import { startMailServer, type MailServer } from "../integration/mail-server";
import { Browser, formWith, type Form, type Page } from "../cluster/browserless";
import { freshDatabase, secrets, seedStudents, type FreshDatabase } from "./database";
import { buildImage, migrate, startServer, untilHealthy, type Image, type Server } from "./image";

const PORT = 3243;
const SIGN_INS = 20;
const PASSWORD = "Quiet-Harbour-Lamp-2031";
/** How long the mail server takes to accept a message: the send is under way at SIGTERM. */
const MAIL_DELAY_MS = 3000;
const MESSAGE_ID = "<shutdown-story@sspr.test>";

let image: Image;
let database: FreshDatabase;
let db: Database;
let mail: MailServer;
let settings: Record<string, string>;
const servers: Server[] = [];

beforeAll(async () => {
  image = buildImage();
  database = await freshDatabase("shutdown");
  migrate(database.url);
  db = await openPostgres(database.url, { max: 2 });
  await seedStudents(db.db, "rolling", SIGN_INS, PASSWORD);
  mail = await startMailServer({ delayMs: MAIL_DELAY_MS });
  settings = { DATABASE_URL: database.url, ...secrets(), SMTP_URL: mail.url, TRUST_PROXY_HOPS: "0" };
});

afterAll(async () => {
  for (const server of servers) await server.stop();
  await db?.close();
  await mail?.close();
  await database?.drop();
  image?.remove();
});

async function start(): Promise<Server> {
  const server = startServer(image, PORT, settings);
  servers.push(server);
  await untilHealthy(server);
  return server;
}

const sentRows = async () =>
  db.db
    .select({ status: notices.status, attempts: notices.attempts })
    .from(notices)
    .where(eq(notices.messageId, MESSAGE_ID));

describe("SIGTERM", () => {
  it("drains 20 sign-ins and the notice being sent, closes the database and exits 0 within 10 s", async () => {
    const server = await start();
    const [school] = await db.db.select({ id: schools.id }).from(schools);
    await db.db.insert(notices).values({
      schoolId: school!.id,
      kind: "password_changed",
      recipientRole: "guardian",
      toAddress: "guardian@families.example",
      subject: "The password was changed",
      body: "The password of the school account was changed.",
      messageId: MESSAGE_ID,
    });
    // The worker has claimed it and the mail server is reading it: the send is under way.
    await mail.until(() => mail.seen.some((m) => m.messageId === MESSAGE_ID));
    expect(mail.accepted).toHaveLength(0);

    const browsers = Array.from({ length: SIGN_INS }, () => new Browser(server.base));
    const forms: Form[] = await Promise.all(
      browsers.map(async (b) => formWith(await b.get("/login"), "Log In")),
    );
    const answers: Promise<Page>[] = browsers.map((b, i) =>
      b.submit(forms[i]!, { loginId: `rolling_${i}`, password: PASSWORD }),
    );
    await new Promise((done) => setTimeout(done, 150));
    const signalled = Date.now();
    server.child.kill("SIGTERM");

    // No new connection is taken once the stop began.
    await new Promise((done) => setTimeout(done, 200));
    await expect(fetch(`${server.base}/api/health`)).rejects.toThrow();

    const pages = await Promise.all(answers);
    for (const page of pages)
      expect({ status: page.status, location: page.location }).toEqual({ status: 303, location: "/" });
    const exit = await server.exited;
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(exit.at - signalled).toBeLessThan(10_000);

    // Sign-ins were under way at the signal, and were answered after it.
    const lines = server.lines();
    const stopping = lines.findIndex((line) => line.event === "stopping");
    expect(stopping).toBeGreaterThan(-1);
    expect(lines[stopping]!.inFlight).toBeGreaterThanOrEqual(1);
    const answeredAfter = lines
      .slice(stopping)
      .filter((line) => line.route === "/login" && line.method === "POST");
    expect(answeredAfter.length).toBeGreaterThanOrEqual(1);
    expect(lines.at(-1)).toMatchObject({ event: "stopped", graceful: true });

    // The notice under way was finished and recorded before the exit.
    expect(mail.accepted.filter((m) => m.messageId === MESSAGE_ID)).toHaveLength(1);
    expect(await sentRows()).toEqual([{ status: "sent", attempts: 1 }]);
  });

  it("started again, the server does not send the notice a second time", async () => {
    const server = await start();
    // The worker's first pass runs at start, the next after 5 s: wait past both.
    await new Promise((done) => setTimeout(done, 7000));
    expect(server.lines().some((line) => line.event === "notice_sent")).toBe(false);
    expect(mail.seen.filter((m) => m.messageId === MESSAGE_ID)).toHaveLength(1);
    expect(mail.accepted.filter((m) => m.messageId === MESSAGE_ID)).toHaveLength(1);
    expect(await sentRows()).toEqual([{ status: "sent", attempts: 1 }]);
  });
});
