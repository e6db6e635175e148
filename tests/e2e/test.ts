// Every browser test takes `test` from here: Playwright's, with a watch on every page of every
// browser context the test opens (its own, and any made with browser.newContext()). A console
// message or page error saying the Content Security Policy refused something (an inline style, a
// script without the nonce) fails the test at its end: the CSP once drew every bar of /admin full,
// whatever the share, and no test noticed.
import { test as base, expect, type BrowserContext } from "@playwright/test";

const CSP_REFUSAL = /Content Security Policy/i;

export const test = base.extend<{ cspRefusals: string[] }>({
  cspRefusals: [
    async ({ browser, context }, use) => {
      const refusals: string[] = [];
      const watch = (watched: BrowserContext) => {
        watched.on("console", (message) => {
          if (CSP_REFUSAL.test(message.text()))
            refusals.push(`${message.page()?.url() ?? "?"}: ${message.text()}`);
        });
        watched.on("weberror", (error) => {
          const text = error.error().message;
          if (CSP_REFUSAL.test(text)) refusals.push(`${error.page()?.url() ?? "?"}: ${text}`);
        });
      };
      watch(context);
      browser.on("context", watch);
      await use(refusals);
      browser.off("context", watch);
      expect(refusals, "the Content Security Policy refused something on a page").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
