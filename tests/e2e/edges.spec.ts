import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { LoginPage } from "./pages";

// The framework's edges: headers on every page, and state-changing requests from elsewhere.

const PAGES = [
  "/login",
  "/sspr",
  "/sspr/search",
  "/sspr/challenge",
  "/sspr/change",
  "/sspr/done",
  "/sspr/guardian",
];

test("every page is sent uncached, with a per-request CSP nonce and the safety headers", async ({
  request,
}) => {
  const nonces = new Set<string>();
  for (const path of PAGES) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers["cache-control"], path).toContain("no-store");
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, path).toContain("frame-ancestors 'none'");
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce, path).toBeTruthy();
    nonces.add(nonce!);
    expect(headers["referrer-policy"], path).toBe("same-origin");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["strict-transport-security"], path).toContain("max-age=");
    if (response.status() === 200) {
      // Every script of the page carries this request's nonce.
      const html = await response.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    }
  }
  expect(nonces.size).toBe(PAGES.length);
});

/** Posts the no-JavaScript Log In form as a hand-made request, with the given headers. */
async function submitLoginWith(page: Page, headers: Record<string, string>) {
  const multipart = await new LoginPage(page).formFields({
    loginId: "lim_wei_jie",
    password: "Green-Paper-Boat-5",
  });
  const response = await page.request.post("/login", { multipart, headers, maxRedirects: 0 });
  return response.status();
}

test.describe("a state-changing POST", () => {
  test.use({ javaScriptEnabled: false });

  test("from a foreign Origin changes nothing", async ({ page }) => {
    expect(
      await submitLoginWith(page, { origin: "https://evil.example", "sec-fetch-site": "cross-site" }),
    ).toBe(403);
    expect(
      await submitLoginWith(page, { origin: "https://evil.example", "sec-fetch-site": "same-origin" }),
    ).toBe(403);
    expect(await submitLoginWith(page, {})).toBe(403);
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Log In" })).toBeVisible();
  });

  test("with Origin null is refused unless the browser says it is same-origin", async ({ page }) => {
    expect(await submitLoginWith(page, { origin: "null", "sec-fetch-site": "cross-site" })).toBe(403);
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Log In" })).toBeVisible();
    expect(await submitLoginWith(page, { origin: "null", "sec-fetch-site": "same-origin" })).toBe(303);
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "MIMS Portal" })).toBeVisible();
  });
});

test("/admin gives nothing to a student, a forged subrequest or an RSC or prefetch variant", async ({
  page,
}) => {
  const login = new LoginPage(page);
  await login.open();
  await login.logIn("lim_wei_jie", "Green-Paper-Boat-5");
  await expect(page.getByRole("heading", { name: "MIMS Portal" })).toBeVisible();
  const variants: Record<string, string>[] = [
    {},
    { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" },
    { rsc: "1" },
    { rsc: "1", "next-router-prefetch": "1" },
    { purpose: "prefetch" },
  ];
  for (const headers of variants) {
    for (const path of ["/admin", "/admin?_rsc=1", "/admin.rsc"]) {
      const response = await page.request.get(path, { headers });
      const body = await response.text();
      const label = `${path} ${JSON.stringify(headers)}`;
      // A flight (RSC) or prefetch response streams with 200: it must carry no part of the page.
      if (!headers.rsc) expect(response.status(), label).toBeGreaterThanOrEqual(400);
      expect(body, label).not.toContain("unlock");
      expect(body, label).not.toContain("Locked accounts");
      expect(body, label).not.toContain("School administration");
    }
  }
});
