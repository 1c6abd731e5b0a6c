// Prints the demo admins' current two-factor code: `npm run demo:totp` (demo data only, see README).
import { totpCode, totpUri } from "@/lib/auth/totp";
import { DEMO_LOGINS, DEMO_TOTP_SECRET } from "@/lib/db/seed/tenants";

const admin = DEMO_LOGINS.find((login) => login.role === "ADMIN")!;
const secondsLeft = 30 - (Math.floor(Date.now() / 1000) % 30);
console.log(
  `Code for ${admin.email} (and the other seeded admins): ${totpCode(DEMO_TOTP_SECRET)}  (${secondsLeft} s left)`,
);
console.log(
  `A code works once: after signing in, wait for the next one. For an authenticator app: ${totpUri(DEMO_TOTP_SECRET, admin.email)}`,
);
