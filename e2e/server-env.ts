/**
 * The environment of the app the end-to-end tests run against, whoever starts it (`npm test`'s
 * scripts/test.ts or playwright.config.ts's webServer), so both start the same app.
 */
export function e2eServerEnv(port: number, dataDir: string): Record<string, string> {
  return {
    PORT: String(port),
    CLASSOUND_DATA_DIR: dataDir,
    DATABASE_URL: "",
    NEXTAUTH_URL: `http://localhost:${port}`,
    // The API flow's webhook receiver listens on 127.0.0.1 (e2e/api-flow.spec.ts).
    CLASSOUND_WEBHOOK_ALLOW_PRIVATE: "true",
  };
}
