import { expect, test } from "@playwright/test";
import { LoginPage } from "./pages";

// The browser-test server runs with RATE_LIMIT_SIGN_IN=60 (playwright.config.ts).
test.use({ javaScriptEnabled: false });

test("too many sign-ins from one address get a 429 with Retry-After and a friendly page", async ({
  page,
}) => {
  const multipart = await new LoginPage(page).formFields({
    loginId: "lim_wei_jie",
    password: "Not-His-Password-1",
  });
  const post = (address: string) =>
    page.request.post("/login", {
      multipart,
      maxRedirects: 0,
      headers: { origin: new URL(page.url()).origin, "x-forwarded-for": address },
    });
  for (let i = 0; i < 60; i++) expect((await post("198.51.100.23")).status()).toBe(200);
  const refused = await post("198.51.100.23");
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  expect(await refused.text()).toContain("Too many tries");
  // A school lab behind another address is not affected.
  expect((await post("198.51.100.24")).status()).toBe(200);
});
