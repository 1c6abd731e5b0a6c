import { describe, expect, it } from "vitest";
import { makeUser } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { DEMO_ADMIN_EMAIL, demoDataState } from "./state";
import { DEMO_LOGINS } from "./tenants";

describe("demoDataState", () => {
  it("knows the demo admin of the seed", () => {
    expect(DEMO_ADMIN_EMAIL).toBe(DEMO_LOGINS.find((login) => login.role === "ADMIN")!.email);
  });

  it("asks for the seed on a database without users only, and for the demo files only where the demo admin is", async () => {
    const { prisma, url } = await createTestDatabase();
    expect(await demoDataState(url)).toMatchObject({ hasData: false, demoFilesPending: false, hasAnyAdmin: false });

    // Someone's own data (an external DATABASE_URL): no seed, and no demo files in a demo admin's name.
    await makeUser(prisma, "ADMIN");
    expect(await demoDataState(url)).toMatchObject({ hasData: true, demoFilesPending: false, hasAnyAdmin: true });

    // The demo data without its activation requests yet (a start stopped between the seed and the demo files).
    await makeUser(prisma, "ADMIN", {}, { email: DEMO_ADMIN_EMAIL });
    expect(await demoDataState(url)).toMatchObject({ hasData: true, demoFilesPending: true });
  });
});
