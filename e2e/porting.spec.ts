import { formatDateTime } from "@/lib/format";
import { sampleFiles } from "@/lib/testing/sample-files";
import { expect, reviewScreens, test } from "./fixtures";

// R10 end to end: a partner asks to port numbers in to a PBX with its letter of authorization; an
// admin takes it in hand and schedules the switch (the partner sees the date), then completes it; the
// numbers show on the PBX page as assigned.

const berlinNumber = () => `+49309${String(Math.floor(Math.random() * 10_000_000)).padStart(7, "0")}`;

test("a partner ports numbers in, an admin schedules and completes the port", async ({ db, tenant, signInAs }) => {
  test.setTimeout(180_000);
  await db.classoundService.create({
    data: { pbxId: tenant.pbx.id, activatedAt: new Date(), expiresAt: tenant.pbx.termExpiry! },
  });
  const numbers = [berlinNumber(), berlinNumber()];
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

  // ── Partner: from the PBX page to a submitted request ───────────────────
  const { page: partner } = await signInAs("PARTNER");
  await partner.goto(`/pbxs/${tenant.pbx.id}/numbers`);
  await partner.getByRole("link", { name: "Port numbers in" }).click();
  await expect(partner).toHaveURL(/\/porting\/new\?pbx=/);
  await expect(partner.getByRole("combobox", { name: "PBX" })).toHaveValue(tenant.pbx.id);
  await partner.getByLabel("Numbers to port").fill(`${numbers[0]}\n+49301`);
  await partner.getByRole("button", { name: "Submit porting request" }).click();
  await expect(partner.getByLabel("Numbers to port")).toHaveAttribute("aria-invalid", "true");
  await expect(partner.getByText(/Not valid numbers.*\+49301/)).toBeVisible();
  await expect(partner.getByLabel("Letter of authorization")).toHaveAttribute("aria-invalid", "true");
  await reviewScreens(partner, "porting-form-errors");
  await partner.getByLabel("Numbers to port").fill(numbers.join("\n"));
  await partner.getByLabel("Current operator").fill("Deutsche Telekom");
  await partner.getByLabel("Account holder").fill(`${tenant.customer.name} GmbH`);
  await partner.getByLabel("Requested date").fill(day(14));
  await partner.getByLabel("Letter of authorization").setInputFiles({
    name: "loa-signed.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from(sampleFiles.pdf("LOA")),
  });
  await partner.getByRole("button", { name: "Submit porting request" }).click();
  await expect(partner).toHaveURL(/\/porting\/c[a-z0-9]+$/);
  const requestId = new URL(partner.url()).pathname.split("/").pop()!;
  await expect(partner.getByRole("heading", { level: 1 })).toContainText("Submitted");
  await expect(partner.getByRole("link", { name: /loa-signed\.pdf/ })).toBeVisible();

  // ── Admin: the queue, take it in hand, schedule ─────────────────────────
  const { page: admin } = await signInAs("ADMIN");
  await admin.goto(`/admin/porting?partner=${tenant.partner.id}`);
  const queue = admin.getByRole("table", { name: "Porting requests" });
  await expect(queue.getByRole("row")).toHaveCount(2);
  await reviewScreens(admin, "porting-queue");
  await queue.getByRole("link", { name: new RegExp(`\\${numbers.toSorted()[0]}`) }).click();
  await expect(admin).toHaveURL(new RegExp(`/admin/porting/${requestId}$`));
  await admin.getByRole("button", { name: "Start", exact: true }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toContainText("In progress");
  const switchAt = `${day(15)}T06:30`;
  await admin.getByRole("button", { name: "Schedule", exact: true }).click();
  await admin.getByRole("dialog").getByLabel("Date and time (UTC)").fill(switchAt);
  await admin.getByRole("dialog").getByRole("button", { name: "Schedule" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toContainText("Scheduled");
  await reviewScreens(admin, "porting-admin-scheduled");

  // ── Partner: told the date and time (R10) ───────────────────────────────
  const when = formatDateTime(new Date(`${switchAt}:00Z`));
  await partner.reload();
  await expect(partner.getByTestId("porting-at")).toHaveText(when);
  await expect(partner.getByRole("button", { name: "Cancel request" })).toHaveCount(0);
  await partner.goto("/notifications");
  await expect(partner.getByText("Porting scheduled").first()).toBeVisible();

  // ── Admin completes; the numbers are the PBX's ──────────────────────────
  await admin.getByRole("button", { name: "Complete", exact: true }).click();
  await admin.getByRole("alertdialog").getByRole("button", { name: "Complete" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toContainText("Completed");

  await partner.goto(`/pbxs/${tenant.pbx.id}/numbers`);
  const section = partner.getByRole("region", { name: "Porting", exact: true });
  for (const number of numbers)
    await expect(section.getByRole("listitem").filter({ hasText: number }).last()).toContainText("Assigned");
  await reviewScreens(partner, "porting-pbx-page");
  const assigned = await db.phoneNumber.findMany({
    where: { e164: { in: numbers } },
    select: { status: true, pbxId: true },
  });
  expect(assigned).toEqual([
    { status: "ASSIGNED", pbxId: tenant.pbx.id },
    { status: "ASSIGNED", pbxId: tenant.pbx.id },
  ]);
});
