// Story: an operator deploys the image on a fresh PostgreSQL database. The migrate stage's command
// migrates it, `npm run admin:create` makes the first administrator, and the image's server
// (`node server.js` in a folder holding only what the Dockerfile copies, tests/deploy/image.ts)
// serves the whole journey: the administrator's first sign-in (new password, second factor), a
// student's sign-in and self-service reset, a lock, the school's unlock and reset, the notices by
// e-mail. The server's log has one JSON line per request and per event, and none of the secrets
// the journey used. Its memory at rest and after the journey is printed for the closing note.
import { existsSync } from "node:fs";
import { get, type IncomingHttpHeaders } from "node:http";
import { dirname, join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { eq } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres } from "@/db/client";
import { schools, securityAnswers, users } from "@/db/schema";
import { normaliseAnswer } from "@/lib/reset/answers";
import { hashSecret } from "@/lib/crypto/hashing";
import { en as t } from "@/lib/messages/en";
import { startMailServer, type MailServer } from "../integration/mail-server";
import { Browser, formWith, mainText, type Page } from "../cluster/browserless";
import { rightAnswers, wrongGuess } from "../cluster/flows";
import { createAdministrator, freshDatabase, secrets, type FreshDatabase } from "./database";
import {
  buildImage,
  healthcheck,
  migrate,
  startServer,
  untilHealthy,
  type Image,
  type Server,
} from "./image";

const PORT = 3241;
const STUDENT = { loginId: "tan_mei_ling", fullName: "Tan Mei Ling", password: "Bright-Window-2031" };
const ANSWERS = { 1: "tangerine", 2: "water polo", 3: "laksa lemak" } as Record<number, string>;
const NEW_STUDENT_PASSWORD = "Purple-Garden-Kite-88";
const ADMIN_PASSWORD = "Harbour-Lantern-Desk-2031";
const GUARDIAN = "guardian.tan@families.example";

let image: Image;
let database: FreshDatabase;
let server: Server;
let mail: MailServer;
let adminTemporary = "";
const used: Record<string, string> = {};
const memory: Record<string, number> = {};

/** Follows redirects as a browser does, up to a page. */
async function land(browser: Browser, page: Page): Promise<Page> {
  let current = page;
  for (let hops = 0; current.location && hops < 8; hops++) current = await browser.follow(current);
  return current;
}

const heading = (page: Page) =>
  /<h1[^>]*>([\s\S]*?)<\/h1>/i
    .exec(page.html)?.[1]
    ?.replace(/<[^>]+>/g, "")
    .trim();

beforeAll(async () => {
  image = buildImage();
  database = await freshDatabase("standalone");
  migrate(database.url);
  adminTemporary = createAdministrator(database.url, "moe_admin");
  used.adminTemporary = adminTemporary;

  // The student, as the school's import leaves one (with questions set up): arranged straight in
  // the database, hashed as the app hashes.
  const db = await openPostgres(database.url, { max: 1 });
  try {
    const [school] = await db.db
      .select({ id: schools.id })
      .from(schools)
      .where(eq(schools.name, "Ministry of Education"));
    const [student] = await db.db
      .insert(users)
      .values({
        schoolId: school!.id,
        role: "student",
        loginId: STUDENT.loginId,
        fullName: STUDENT.fullName,
        guardianEmail: GUARDIAN,
        passwordHash: await hashSecret(STUDENT.password),
      })
      .returning({ id: users.id });
    for (const [position, [questionId, answer]] of Object.entries(ANSWERS).entries()) {
      await db.db.insert(securityAnswers).values({
        userId: student!.id,
        position: position + 1,
        questionId: Number(questionId),
        answerHash: await hashSecret(normaliseAnswer(answer)),
      });
    }
  } finally {
    await db.close();
  }

  mail = await startMailServer();
  server = startServer(image, PORT, {
    DATABASE_URL: database.url,
    ...secrets(),
    SMTP_URL: mail.url,
    TRUST_PROXY_HOPS: "0",
    APP_URL: "https://sspr.school.example",
  });
  await untilHealthy(server);
  await new Promise((done) => setTimeout(done, 2000));
  memory.atRest = server.rssMiB();
}, 240_000);

afterAll(async () => {
  await server?.stop();
  await mail?.close();
  await database?.drop();
  image?.remove();
  console.log(
    `[standalone] resident memory: ${memory.atRest?.toFixed(0)} MiB at rest, ${memory.afterJourney?.toFixed(0)} MiB after the journey, peak ${memory.peak?.toFixed(0)} MiB`,
  );
});

describe("the image's server on a fresh PostgreSQL database", () => {
  it("runs from the image's folder alone: no node_modules of the checkout above it, healthy and ready", async () => {
    for (let dir = dirname(image.dir); dir !== dirname(dir); dir = dirname(dir)) {
      expect(existsSync(join(dir, "node_modules")), `${dir}/node_modules`).toBe(false);
    }
    expect(existsSync(join(image.dir, "server.js"))).toBe(true);
    expect(healthcheck(image, PORT)).toBe(0);
    const ready = await fetch(`${server.base}/api/ready`);
    expect(ready.status).toBe(200);
    expect(ready.headers.get("cache-control")).toContain("no-store");
    expect(await ready.json()).toEqual({ status: "ready" });
    const health = await fetch(`${server.base}/api/health`);
    expect(await health.json()).toEqual({ status: "ok" });
    // Static files come from the copied .next/static.
    const login = await fetch(`${server.base}/login`);
    const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(await login.text())?.[1];
    expect(script).toBeDefined();
    expect((await fetch(`${server.base}${script}`)).status).toBe(200);
  });

  it("sends the build's scripts brotli-compressed to a browser that takes it, the same bytes as Next sends, and gzip to one that does not", async () => {
    const html = await (await fetch(`${server.base}/login`)).text();
    const scripts = [...html.matchAll(/<script[^>]*src="(\/_next\/static\/[^"]+\.js)"[^>]*>/g)];
    expect(scripts.length).toBeGreaterThan(3);
    const css = /href="(\/_next\/static\/[^"]+\.css)"/.exec(html)?.[1];
    expect(css).toBeDefined();
    let brotli = 0;
    let gzip = 0;
    for (const src of [...scripts.map((m) => m[1]!), css!]) {
      const raw = (encoding: string) =>
        new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((done, fail) => {
          get(`${server.base}${src}`, { headers: { "accept-encoding": encoding } }, (response) => {
            const chunks: Buffer[] = [];
            response.on("data", (chunk: Buffer) => chunks.push(chunk));
            response.on("end", () => done({ headers: response.headers, body: Buffer.concat(chunks) }));
          }).on("error", fail);
        });
      const [br, gz, plain] = [await raw("gzip, deflate, br"), await raw("gzip"), await raw("br;q=0")];
      expect(br.headers["content-encoding"], src).toBe("br");
      expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(br.headers["x-content-type-options"]).toBe("nosniff");
      expect(br.headers["content-type"]).toMatch(
        src.endsWith(".css") ? /^text\/css/ : /^application\/javascript/,
      );
      // Next gzips what is worth it (not the smallest files).
      expect([undefined, "gzip"]).toContain(gz.headers["content-encoding"]);
      expect(plain.headers["content-encoding"]).toBeUndefined();
      expect(brotliDecompressSync(br.body).equals(plain.body), src).toBe(true);
      const unzipped = gz.headers["content-encoding"] === "gzip" ? gunzipSync(gz.body) : gz.body;
      expect(unzipped.equals(plain.body), src).toBe(true);
      brotli += br.body.length;
      gzip += gz.body.length;
    }
    // Smaller than what Next makes per request, for the whole first visit.
    expect(brotli).toBeLessThan(gzip);
    // Anything else under /_next/static is Next's, as before.
    expect((await fetch(`${server.base}/_next/static/chunks/none.js`)).status).toBe(404);
  });

  it("the first administrator signs in: a new password, the second factor, then School administration", async () => {
    const browser = new Browser(server.base);
    let page = await browser.submit(formWith(await browser.get("/login"), "Log In"), {
      loginId: "moe_admin",
      password: adminTemporary,
    });
    page = await land(browser, page);
    expect(heading(page)).toBe(t.secondFactor.enrolHeading);
    const secret = /Key\s*:\s*([A-Z2-7 ]+?)\s+2\./.exec(mainText(page.html))?.[1]?.replace(/ /g, "");
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    used.totpSecret = secret!;
    const code = new TOTP({ secret: Secret.fromBase32(secret!) }).generate();
    used.totpCode = code;
    page = await browser.submit(formWith(page, t.secondFactor.confirm), { code });
    page = await land(browser, page);
    expect(mainText(page.html)).toContain(t.secondFactor.recoveryHeading);
    const codes = mainText(page.html).match(/\b[a-z0-9]{5}-[a-z0-9]{5}\b/g) ?? [];
    expect(codes.length).toBeGreaterThanOrEqual(10);
    used.recoveryCode = codes[0]!;
    page = await land(browser, await browser.get("/admin"));
    expect(heading(page)).toBe(t.changePassword.heading);
    page = await browser.submit(formWith(page, t.changePassword.submit), {
      currentPassword: adminTemporary,
      newPassword: ADMIN_PASSWORD,
      confirmPassword: ADMIN_PASSWORD,
    });
    used.adminPassword = ADMIN_PASSWORD;
    page = await land(browser, page);
    expect(heading(page)).toBe(t.admin.heading);
    used.adminSession = browser.cookie("__Secure-authjs.session-token") ?? "";
    expect(used.adminSession.length).toBeGreaterThan(20);
  });

  it("a student signs in, resets the password at Forgot Password?, and signs in with the new one", async () => {
    const browser = new Browser(server.base);
    const signIn = await browser.submit(formWith(await browser.get("/login"), "Log In"), {
      loginId: STUDENT.loginId,
      password: STUDENT.password,
    });
    expect(signIn.location).toBe("/");
    used.studentPassword = STUDENT.password;
    used.studentSession = browser.cookie("__Secure-authjs.session-token") ?? "";

    const reset = new Browser(server.base);
    const search = await reset.submit(formWith(await reset.get("/sspr/search"), t.sspr.search), {
      loginId: STUDENT.loginId,
    });
    expect(search.location).toBe("/sspr/challenge");
    const challenge = await reset.follow(search);
    const answers = rightAnswers(challenge, ANSWERS);
    used.answer1 = answers.answer1;
    used.answer2 = answers.answer2;
    const checked = await reset.submit(formWith(challenge, "Check Answers"), answers);
    expect(checked.location).toBe("/sspr/change");
    used.grant = reset.cookie("sspr_grant") ?? "";
    expect(used.grant.length).toBeGreaterThan(10);
    const change = await reset.follow(checked);
    const done = await reset.submit(formWith(change, "Change Password"), {
      newPassword: NEW_STUDENT_PASSWORD,
      confirmPassword: NEW_STUDENT_PASSWORD,
    });
    expect(done.location).toBe("/sspr/done");
    used.newStudentPassword = NEW_STUDENT_PASSWORD;

    const again = new Browser(server.base);
    const signedIn = await again.submit(formWith(await again.get("/login"), "Log In"), {
      loginId: STUDENT.loginId,
      password: NEW_STUDENT_PASSWORD,
    });
    expect(signedIn.location).toBe("/");
    // The guardian hears of the change by e-mail, sent by the image's outbox worker.
    await mail.until(() => mail.accepted.some((m) => m.rcptTo.includes(GUARDIAN)));
  });

  it("wrong answers lock Forgot Password?; the administrator unlocks it and resets the password", async () => {
    const family = new Browser(server.base);
    let page: Page | undefined;
    for (let i = 0; i < 3; i++) {
      const search = await family.submit(formWith(await family.get("/sspr/search"), t.sspr.search), {
        loginId: STUDENT.loginId,
      });
      const challenge = await family.follow(search);
      page = await land(family, await family.submit(formWith(challenge, "Check Answers"), wrongGuess(i)));
    }
    expect(mainText(page!.html)).toContain(t.locked.heading);

    const admin = new Browser(server.base);
    admin.setCookie("__Secure-authjs.session-token", used.adminSession!);
    const list = await land(admin, await admin.get(`/admin?q=${STUDENT.loginId}`));
    const href = /href="(\/admin\/students\/\d+)[^"]*"/.exec(list.html)?.[1];
    expect(href).toBeDefined();
    let student = await admin.get(href!);
    const unlocked = await land(admin, await admin.submit(formWith(student, t.admin.unlock)));
    // Before JavaScript the action answers with the student's page again, now unlocked.
    expect(mainText(unlocked.html)).toContain(`${t.admin.lock} ${t.admin.notLocked}`);
    student = await admin.get(href!);
    const reset = await land(admin, await admin.submit(formWith(student, t.admin.resetButton)));
    const temporary = /data-testid="temporary-password"[^>]*>([^<]+)</.exec(reset.html)?.[1] ?? "";
    expect(mainText(reset.html)).toContain(t.admin.resetDone(STUDENT.fullName));
    expect(temporary.length).toBeGreaterThanOrEqual(12);
    used.studentTemporary = temporary;
    await mail.until(() => mail.accepted.length >= 3);
    memory.afterJourney = server.rssMiB();
  });

  it("logs one JSON line per request and per event, and none of the journey's secrets", async () => {
    const probe = await fetch(`${server.base}/login?loginId=${STUDENT.loginId}`);
    const reqId = probe.headers.get("x-request-id");
    expect(reqId).toMatch(/^[0-9a-f-]{36}$/);
    await probe.text();
    // The server writes its log in batches, each within a moment of its first line.
    const deadline = Date.now() + 5000;
    while (!server.lines().some((line) => line.reqId === reqId) && Date.now() < deadline)
      await new Promise((done) => setTimeout(done, 50));

    const lines = server.lines();
    const requests = lines.filter((line) => line.msg === "request");
    expect(requests.length).toBeGreaterThan(30);
    for (const line of requests) {
      const fields = {
        level: /^(info|warn|error)$/.test(String(line.level)),
        time: /^\d{4}-\d\d-\d\dT/.test(String(line.time)),
        reqId: /^[0-9a-f-]{36}$/.test(String(line.reqId)),
        method: /^[A-Z]+$/.test(String(line.method)),
        route: String(line.route).startsWith("/") && !String(line.route).includes("?"),
        status: typeof line.status === "number",
        durationMs: typeof line.durationMs === "number",
        client: /^[0-9a-f]{16}$/.test(String(line.client)),
      };
      expect(fields, JSON.stringify(line)).toEqual(
        Object.fromEntries(Object.keys(fields).map((key) => [key, true])),
      );
    }
    // The probe's line: its id, its route without the query, its status.
    expect(requests.find((line) => line.reqId === reqId)).toMatchObject({
      route: "/login",
      status: 200,
      method: "GET",
    });

    const events = new Set(lines.map((line) => line.event).filter(Boolean));
    for (const event of [
      "sign_in",
      "second_factor_enrolled",
      "password_changed",
      "challenge_passed",
      "password_reset",
      "challenge_failed",
      "reset_path_locked",
      "account_unlocked",
      "password_reset_by_admin",
      "notice_sent",
    ]) {
      expect(events, event).toContain(event);
    }
    // An event in a request carries that request's id, route and hashed client address.
    const reset = lines.find((line) => line.event === "password_reset");
    const resetRequest = requests.find((line) => line.reqId === reset?.reqId);
    expect(resetRequest).toMatchObject({ route: "/sspr/change", method: "POST", status: 303 });
    expect(reset).toMatchObject({ route: "/sspr/change", client: resetRequest?.client });

    const log = server.output();
    const secretsUsed: [string, string][] = Object.entries(used).filter(([, value]) => value.length > 0);
    expect(secretsUsed.length).toBeGreaterThanOrEqual(12);
    for (const [name, value] of secretsUsed) expect(log.includes(value), name).toBe(false);
    // The TOTP key as the page groups it, the answers as the server compares them.
    expect(log).not.toContain(used.totpSecret!.replace(/(.{4})(?=.)/g, "$1 "));
    for (const answer of Object.values(ANSWERS)) expect(log).not.toContain(normaliseAnswer(answer));
    // No e-mail body, nor any long line of one; no recipient address.
    expect(mail.accepted.length).toBeGreaterThanOrEqual(3);
    for (const message of mail.accepted) {
      for (const line of message.text.split("\n").filter((l) => l.trim().length >= 40)) {
        expect(log, line).not.toContain(line.trim());
      }
      for (const rcpt of message.rcptTo) expect(log).not.toContain(rcpt);
    }
    expect(log).not.toContain('127.0.0.1"');
    memory.peak = server.peakMiB();
  });
});
