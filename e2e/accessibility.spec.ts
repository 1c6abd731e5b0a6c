import { expect, expectAccessible, ROLES, test } from "./fixtures";
import { pageIds, portalPages } from "./portal-pages";

// axe on every page for every role, including the 403 page a role gets for another role's pages.
for (const role of ROLES) {
  test(`every page is accessible to ${role}`, async ({ db, tenant, signInAs }) => {
    test.setTimeout(180_000);
    const partner = await signInAs("PARTNER");
    const ids = await pageIds(db, partner.page, tenant);
    const { page } = role === "PARTNER" ? partner : await signInAs(role);
    for (const url of portalPages(ids)) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBeLessThan(500);
      await expectAccessible(page);
    }
  });
}
