import { defineConfig } from "@playwright/test";
import { WITHOUT_OMNIBOX_POPUP } from "./e2e/chromium-flags";
import { e2eServerEnv } from "./e2e/server-env";

// E2E_PORT lets two checkouts on one machine run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const DATA_DIR = `.data/e2e-${PORT}`;
// Set E2E_BASE_URL to run against an app that is already running (while developing).
const externalBaseUrl = process.env.E2E_BASE_URL;

// End-to-end tests run the real `npm start` (embedded PostgreSQL, migrations, seed, production
// build) on a fresh data directory, in Debian's Chromium: Playwright cannot download its own here.
export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // A CI log keeps only what is printed: the HTML report is for a person at the machine.
  reporter: process.env.CI ? "list" : [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: externalBaseUrl ?? `http://localhost:${PORT}`,
    screenshot: "only-on-failure",
    // A failure leaves its screenshot and the page's ARIA snapshot (error-context.md); a trace only when
    // asked for (E2E_TRACE=1): recording one for every test cost 5-20% of the suite's CPU (decision 0035).
    trace: process.env.E2E_TRACE ? "retain-on-failure" : "off",
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-gpu",
        WITHOUT_OMNIBOX_POPUP,
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: externalBaseUrl
    ? undefined
    : {
        command: `rm -rf ${DATA_DIR} && npm start`,
        url: `http://localhost:${PORT}/sign-in`,
        timeout: 600_000,
        reuseExistingServer: false,
        stdout: "pipe",
        env: e2eServerEnv(PORT, DATA_DIR),
      },
});
