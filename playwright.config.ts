import { defineConfig, devices } from "@playwright/test";
import { E2E_PORT, MAIL_SINK_URL } from "./tests/e2e/mail-sink";

// Browser tests run in Debian's Chromium against the production build, on a fresh embedded
// database (PGlite in .data-e2e) seeded with the demo data (SEED_DEMO=1: production never seeds it
// otherwise). The tests stand in for one trusted proxy (TRUST_PROXY_HOPS=1): the address a test
// puts in X-Forwarded-For is the client's. Its notices go to an SMTP sink a spec listens on when it
// reads mail (tests/e2e/mail-sink.ts).
const PORT = E2E_PORT;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    // The demo administrators' first sign-in (enrolling the second factor) comes before any spec.
    {
      name: "admin-enrolment",
      testMatch: /second-factor-enrol\.setup\.ts/,
      use: { ...devices["Desktop Chrome"], viewport: { width: 360, height: 740 }, hasTouch: true },
    },
    {
      name: "phone",
      dependencies: ["admin-enrolment"],
      use: { ...devices["Desktop Chrome"], viewport: { width: 360, height: 740 }, hasTouch: true },
    },
  ],
  webServer: {
    command: `rm -rf .data-e2e && npx next start -p ${PORT}`,
    url: `http://localhost:${PORT}/login`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: {
      DATA_DIR: ".data-e2e",
      AUTH_SECRET: "e2e-secret-0123456789-0123456789-0123456789",
      NEXT_TELEMETRY_DISABLED: "1",
      ENCRYPTION_KEYS: "e2e:ZTJlLWVuY3J5cHRpb24ta2V5LTAxMjM0NTY3ODktMDEyMw==",
      SEED_DEMO: "1",
      TRUST_PROXY_HOPS: "1",
      RATE_LIMIT_SIGN_IN: "60",
      // The pseudo-locale for the test that finds words not taken from the messages.
      PSEUDO_LOCALE: "1",
      // Two browsers and the server share two cores here: a wait of a few seconds for argon2 is
      // the machine, not a rush to refuse (admission under a rush: npm run bench:load, tests/deploy).
      ADMISSION_WAIT_MS: "15000",
      SMTP_URL: MAIL_SINK_URL,
    },
  },
});
