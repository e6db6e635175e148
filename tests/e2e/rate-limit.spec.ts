import { expect, test, type Page } from "@playwright/test";
import { LoginPage } from "./pages";

// The browser-test server runs with RATE_LIMIT_SIGN_IN=60 behind one trusted proxy
// (TRUST_PROXY_HOPS=1): the address a test puts in X-Forwarded-For is the client's.
test.use({ javaScriptEnabled: false });

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
  for (let i = 0; i < 60; i++) expect((await post("198.51.100.23")).status()).toBe(200);
  const refused = await post("198.51.100.23");
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  expect(await refused.text()).toContain("Too many tries");
  // A school lab behind another address is not affected.
  expect((await post("198.51.100.24")).status()).toBe(200);
});

test.describe("with JavaScript", () => {
  test.use({ javaScriptEnabled: true });

  test("the Log In action posted to another page's URL is counted as a sign-in all the same", async ({
    page,
  }) => {
    // The page's script posts the action (Next-Action header) to whatever URL it is given: here a
    // page of the reset path, which the proxy counts as reset posts, not sign-ins.
    await page.route("**/login", (route) =>
      route.request().method() === "POST"
        ? route.continue({
            url: route
              .request()
              .url()
              .replace(/\/login$/, "/sspr/done"),
            headers: { ...route.request().headers(), "x-forwarded-for": "198.51.100.31" },
          })
        : route.continue(),
    );
    const login = new LoginPage(page);
    const posted: number[] = [];
    page.on("response", (response) => {
      if (response.request().method() === "POST") posted.push(response.status());
    });
    for (let i = 0; i < 60; i++) {
      await login.open();
      await login.logIn(`wanderer_${i}`, "Not-The-Password-1");
      await expect.poll(() => posted.length).toBe(i + 1);
    }
    expect(posted.every((status) => status < 500)).toBe(true);
    await page.unroute("**/login");
    // The 61st sign-in from this address, whatever URL carried the first 60: refused.
    const post = await signInPoster(page, "rate_limit_wanderer");
    const refused = await post("198.51.100.31");
    expect(refused.status()).toBe(429);
    expect(await refused.text()).toContain("Too many tries");
  });
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
