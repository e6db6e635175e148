import type { APIResponse } from "@playwright/test";
import { expect, test } from "./test";
import { LoginPage } from "./pages";

// What the production build does by default, as a client without JavaScript sees it: cookies that
// are Secure whatever a proxy says, a session endpoint that gives scripts nothing of the server's,
// Auth.js's own routes closed, and the reset path's pages read-only and counted.
test.use({ javaScriptEnabled: false });

const setCookies = (response: APIResponse) =>
  response
    .headersArray()
    .filter((header) => header.name.toLowerCase() === "set-cookie")
    .map((header) => header.value);

test("sets Secure cookies in production even when no proxy says the request was https", async ({ page }) => {
  const origin = new URL((await page.goto("/login"))!.url()).origin;
  const multipart = await new LoginPage(page).formFields({
    loginId: "lim_wei_jie",
    password: "Green-Paper-Boat-5",
  });
  const signedIn = await page.request.post("/login", {
    multipart,
    maxRedirects: 0,
    // A proxy that forgot X-Forwarded-Proto, or one that says http.
    headers: { origin, "x-forwarded-proto": "http" },
  });
  const cookies = setCookies(signedIn);
  const session = cookies.find((cookie) => /authjs\.session-token=/.test(cookie));
  expect(session).toMatch(/^__Secure-authjs\.session-token=/);
  expect(session).toMatch(/;\s*Secure/i);
  expect(session).toMatch(/;\s*HttpOnly/i);
  const device = cookies.find((cookie) => cookie.startsWith("sspr_device="));
  expect(device).toMatch(/;\s*Secure/i);

  await page.goto("/sspr/search");
  const search = await page
    .locator("form input")
    .evaluateAll((inputs) =>
      inputs.map((input): [string, string] => [
        (input as HTMLInputElement).name,
        (input as HTMLInputElement).value,
      ]),
    );
  const searched = await page.request.post("/sspr/search", {
    multipart: { ...Object.fromEntries(search), loginId: "no_such_pupil_secure" },
    maxRedirects: 0,
    headers: { origin },
  });
  const login = setCookies(searched).find((cookie) => cookie.startsWith("sspr_login="));
  expect(login).toMatch(/;\s*Secure/i);
  expect(login).toMatch(/;\s*Path=\/sspr/i);
});

test("tells a script only whether there is a session and until when, never the server's session id", async ({
  page,
}) => {
  const login = new LoginPage(page);
  await login.open();
  await login.logIn("lim_wei_jie", "Green-Paper-Boat-5");
  await expect(page.getByRole("heading", { name: "MIMS Portal" })).toBeVisible();
  const answer = await page.request.get("/api/auth/session");
  expect(answer.status()).toBe(200);
  const session = (await answer.json()) as Record<string, unknown>;
  expect(Object.keys(session)).toEqual(["expires"]);
  expect(JSON.stringify(session)).not.toMatch(/sid|uid|claims|lim/i);
  // Auth.js's own sign-in, callback and update routes are closed: sign-in is the Log In form only.
  const origin = new URL(page.url()).origin;
  for (const path of [
    "/api/auth/callback/credentials",
    "/api/auth/session",
    "/api/auth/signin/credentials",
  ]) {
    const posted = await page.request.post(path, {
      form: { loginId: "lim_wei_jie", password: "Green-Paper-Boat-5" },
      headers: { origin },
      maxRedirects: 0,
    });
    expect(posted.status(), path).toBe(404);
  }
  for (const path of ["/api/auth/providers", "/api/auth/csrf", "/api/auth/signin"]) {
    expect((await page.request.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
  }
});

test("shows the challenge only to a Login ID the Search was posted for: a made-up cookie is sent back to Search", async ({
  page,
}) => {
  await page.goto("/sspr/search");
  await page
    .context()
    .addCookies([{ name: "sspr_login", value: "siti_rahman", url: new URL("/sspr", page.url()).toString() }]);
  const answer = await page.request.get("/sspr/challenge", { maxRedirects: 0 });
  expect([303, 307]).toContain(answer.status());
  expect(answer.headers().location).toMatch(/\/sspr\/search$/);
});

test("counts the reset path's pages as they are read: a flood of GETs from one address gets 429", async ({
  page,
}) => {
  test.setTimeout(120_000);
  // RATE_LIMIT_RESET_PAGES is 600 per 5-minute window by default; this address is the test's own.
  // The flood may cross into the next window once: then that window's 600 come first.
  const headers = { "x-forwarded-for": "198.51.100.61" };
  let refused: APIResponse | undefined;
  let answered = 0;
  while (!refused && answered <= 1200) {
    const answer = await page.request.get("/sspr/search", { headers, maxRedirects: 0 });
    if (answer.status() === 429) refused = answer;
    else {
      expect(answer.status()).toBe(200);
      answered++;
    }
  }
  expect(refused?.status()).toBe(429);
  expect(answered).toBeGreaterThanOrEqual(600);
  expect(Number(refused?.headers()["retry-after"])).toBeGreaterThan(0);
  // Another family's phone is not affected.
  expect(
    (await page.request.get("/sspr/search", { headers: { "x-forwarded-for": "198.51.100.62" } })).status(),
  ).toBe(200);
});
