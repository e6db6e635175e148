import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { LoginPage } from "./pages";

// The browser-test server runs with RATE_LIMIT_SIGN_IN=60 behind one trusted proxy
// (TRUST_PROXY_HOPS=1): the address a test puts in X-Forwarded-For is the client's.
test.use({ javaScriptEnabled: false });

/** The server's rate-limit windows are fixed 5-minute slices of the clock (lib/limits/rate-limit.ts): a
 *  run that must fall inside one starts only when enough of the current one is left. */
async function inOneWindow(seconds: number): Promise<void> {
  const windowSeconds = 300;
  const left = windowSeconds - ((Date.now() / 1000) % windowSeconds);
  if (left < seconds) await new Promise((wake) => setTimeout(wake, (left + 1) * 1000));
}

async function signInPoster(page: Page, loginId: string) {
  const multipart = await new LoginPage(page).formFields({ loginId, password: "Not-The-Password-1" });
  const origin = new URL(page.url()).origin;
  return (address: string, path = "/login") =>
    page.request.post(path, { multipart, maxRedirects: 0, headers: { origin, "x-forwarded-for": address } });
}

test("too many sign-ins from one address get a 429 with Retry-After and a friendly page", async ({
  page,
}) => {
  // A Login ID nobody has: slowed like a real one after 10 wrong passwords, and no real student's
  // sign-in is slowed for the specs that follow.
  const post = await signInPoster(page, "rate_limit_stranger");
  await inOneWindow(30);
  for (let i = 0; i < 60; i++) expect((await post("198.51.100.23")).status()).toBe(200);
  const refused = await post("198.51.100.23");
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  expect(await refused.text()).toContain("Too many tries");
  // A school lab behind another address is not affected.
  expect((await post("198.51.100.24")).status()).toBe(200);
});

test("the Log In action posted to another page's URL judges nothing and signs nobody in", async ({
  page,
}) => {
  // Next runs an action only at a page that has it: elsewhere it is refused before any work, so
  // the only way to the sign-in is the Log In page, which the proxy counts (and, if it did not,
  // the action would: tests/integration/attempts.test.ts).
  const wrong = await new LoginPage(page).formFields({
    loginId: "lim_wei_jie",
    password: "Not-His-Password-1",
  });
  const right = { ...wrong, password: "Green-Paper-Boat-5" };
  const origin = new URL(page.url()).origin;
  const post = (path: string, multipart: Record<string, string>) =>
    page.request.post(path, {
      multipart,
      maxRedirects: 0,
      headers: { origin, "x-forwarded-for": "198.51.100.41" },
    });
  for (const path of ["/sspr/done", "/sspr/search", "/", "/admin"]) {
    for (let i = 0; i < 3; i++) expect((await post(path, wrong)).status(), path).toBeGreaterThanOrEqual(400);
    const elsewhere = await post(path, right);
    expect(elsewhere.status(), path).toBeGreaterThanOrEqual(400);
    expect(elsewhere.headers()["set-cookie"] ?? "", path).not.toContain("session-token");
  }
  // Twelve wrong passwords went elsewhere and none was judged: the account is not slowed.
  const signedIn = await post("/login", right);
  expect(signedIn.status()).toBe(303);
  expect(signedIn.headers()["set-cookie"]).toContain("session-token");
});

test("after 10 wrong passwords in a row a Login ID must wait, whatever the address, and the page says so", async ({
  page,
}) => {
  const post = await signInPoster(page, "slowed_stranger");
  const said: string[] = [];
  for (let i = 0; i < 12; i++) {
    const answer = await post(`203.0.113.${100 + i}`);
    expect(answer.status()).toBe(200);
    said.push(
      (await answer.text()).includes("too many wrong passwords for this Login ID") ? "wait" : "wrong",
    );
  }
  expect(said).toEqual([...Array<string>(10).fill("wrong"), "wait", "wait"]);
  const login = new LoginPage(page);
  await login.open();
  await login.logIn("slowed_stranger", "Not-The-Password-2");
  await expect(
    page.getByText(
      "There have been too many wrong passwords for this Login ID. Please wait 1 minute and try again, or use Forgot Password? to choose a new password.",
    ),
  ).toBeVisible();
});
