import { expect, expectAccessible, PHONE, test } from "./fixtures";

// The every-page sweep (every-page.spec.ts) checks each page's width; here, the navigation at both sizes.

test("the navigation drawer works by keyboard alone", async ({ signInAs }) => {
  const { page } = await signInAs("PARTNER");
  await page.goto("/partner");
  await page.setViewportSize(PHONE);
  const menu = page.getByRole("button", { name: /^Menu/ });
  await expect(menu).toBeVisible();
  // The sidebar is gone at this width: the only navigation is behind the button.
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();

  await menu.focus();
  await page.keyboard.press("Enter");
  const drawer = page.getByRole("dialog", { name: "CLASSOUND" });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByRole("link", { name: "Activations" })).toBeVisible();

  // Focus stays inside the drawer however far the user tabs.
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press("Tab");
    expect(await drawer.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }

  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  await expect(menu).toBeFocused();

  // Following a link opens the page and closes the drawer.
  await page.keyboard.press("Enter");
  await drawer.getByRole("link", { name: "Customers" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/customers$/);
  await expect(drawer).toBeHidden();
});

test("the sidebar stays on a desktop screen", async ({ signInAs }) => {
  const { page } = await signInAs("PARTNER");
  await page.goto("/partner");
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Menu/ })).toBeHidden();
});

test("on a phone the PBX lists offer Activate CLASSOUND on screen, by keyboard, without sideways scrolling", async ({
  tenant,
  signInAs,
}) => {
  const { page } = await signInAs("PARTNER");
  await page.setViewportSize(PHONE);
  for (const path of ["/pbxs", "/activations"]) {
    await page.goto(path);
    const activate = page.getByRole("button", { name: `Activate CLASSOUND on ${tenant.pbx.name}` });
    // Inside the screen's width as the page loads, before focus could scroll a table sideways to it.
    const box = await activate.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= PHONE.width, `${path}: ${JSON.stringify(box)}`).toBe(true);
    await activate.focus();
    await expect(activate).toBeFocused();
    await expectAccessible(page);
  }
});
