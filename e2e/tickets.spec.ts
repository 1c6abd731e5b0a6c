import { makeTenant } from "@/lib/testing/fixtures";
import { sampleFiles } from "@/lib/testing/sample-files";
import { expect, reviewScreens, test } from "./fixtures";

// R13 and R17 end to end: a partner asks support to configure a PBX's emergency service from the PBX
// page; support answers and resolves; the PBX then shows its emergency service configured.

test("a partner gets the emergency service configured through a ticket", async ({ db, tenant, signInAs }) => {
  test.setTimeout(180_000);
  await db.classoundService.create({
    data: { pbxId: tenant.pbx.id, activatedAt: new Date(), expiresAt: tenant.pbx.termExpiry! },
  });
  const pbxPath = `/pbxs/${tenant.pbx.id}`;

  // ── Partner: from the PBX page to an open ticket ─────────────────────────
  const { page: partner } = await signInAs("PARTNER");
  await partner.goto(`${pbxPath}/support`);
  await expect(partner.getByTestId("emergency-status")).toContainText("Not configured yet");
  await reviewScreens(partner, "pbx-before");
  await partner.getByRole("link", { name: "Request emergency-service configuration" }).click();
  await expect(partner.getByLabel("Category")).toHaveValue("EMERGENCY_SERVICE");
  await expect(partner.getByLabel("PBX")).toHaveValue(tenant.pbx.id);
  await partner.getByRole("button", { name: "Open ticket" }).click();
  await expect(partner.getByLabel("Message")).toHaveAttribute("aria-invalid", "true");
  await partner.getByLabel("Message").fill("Please configure E112 for the Munich office, Leopoldstraße 12.");
  await partner.getByRole("button", { name: "Open ticket" }).click();
  await expect(partner).toHaveURL(/\/tickets\/c[a-z0-9]+$/);
  const ticketPath = new URL(partner.url()).pathname;
  const ticketId = ticketPath.split("/").pop()!;
  await expect(partner.getByRole("heading", { level: 1 })).toContainText("Configure the emergency service");
  await expect(partner.getByText("Open", { exact: true })).toBeVisible();
  await partner.getByLabel("Attach a file (PDF, PNG or JPEG)").setInputFiles({
    name: "floor-plan.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from(sampleFiles.pdf("floor plan")),
  });
  const attachment = partner.getByRole("link", { name: /floor-plan\.pdf/ });
  await expect(attachment).toBeVisible();
  const fileHref = (await attachment.getAttribute("href"))!;

  // ── Support: the queue, a reply, the resolution ─────────────────────────
  const { page: admin } = await signInAs("ADMIN");
  await admin.goto(`/admin/tickets?partner=${tenant.partner.id}&category=EMERGENCY_SERVICE`);
  const queue = admin.getByRole("table", { name: "Support tickets" });
  await expect(queue.getByRole("row")).toHaveCount(2);
  await expect(queue.getByRole("row").nth(1)).toContainText(tenant.partner.name);
  await reviewScreens(admin, "ticket-queue");
  await queue.getByRole("link", { name: "Configure the emergency service" }).click();
  await expect(admin).toHaveURL(new RegExp(`/admin/tickets/${ticketId}$`));
  await admin.getByLabel("Your reply").fill("Is the office on the ground floor?");
  await admin.getByRole("button", { name: "Send reply" }).click();
  await expect(admin.getByText("Waiting for partner", { exact: true })).toBeVisible();

  await partner.reload();
  await expect(partner.getByText("Is the office on the ground floor?")).toBeVisible();
  await partner.getByLabel("Your reply").fill("Yes, ground floor.");
  await partner.getByRole("button", { name: "Send reply" }).click();
  await expect(partner.getByText("Waiting for support", { exact: true })).toBeVisible();

  await admin.reload();
  await expect(admin.getByText("Yes, ground floor.")).toBeVisible();
  await admin.getByRole("button", { name: "Resolve" }).click();
  await admin
    .getByRole("alertdialog")
    .getByLabel("Note to the partner (optional)")
    .fill("Configured for the ground floor.");
  await admin.getByRole("alertdialog").getByRole("button", { name: "Resolve" }).click();
  await expect(admin.getByText("Resolved", { exact: true }).first()).toBeVisible();
  await reviewScreens(admin, "ticket-support");

  // ── Partner: told, and the PBX shows it ─────────────────────────────────
  await partner.reload();
  await expect(partner.getByText("Configured for the ground floor.")).toBeVisible();
  await reviewScreens(partner, "ticket-partner");
  await partner.goto(`${pbxPath}/support`);
  await expect(partner.getByTestId("emergency-status")).toContainText("Configured on");
  await expect(partner.getByRole("link", { name: "Request emergency-service configuration" })).toHaveCount(0);
  expect(await db.outboxEmail.count({ where: { text: { contains: ticketPath } } })).toBeGreaterThanOrEqual(2);

  // ── Another partner: the ticket, its file, replies and uploads are 404 ───
  const { page: other } = await signInAs("PARTNER", await makeTenant(db));
  expect((await other.goto(ticketPath))?.status()).toBe(404);
  expect((await other.request.get(fileHref)).status()).toBe(404);
  const foreignUpload = await other.request.post(`/api/tickets/${ticketId}/attachments`, {
    headers: { Origin: new URL(other.url()).origin },
    multipart: {
      file: { name: "x.pdf", mimeType: "application/pdf", buffer: Buffer.from(sampleFiles.pdf("intruder")) },
    },
  });
  expect(foreignUpload.status()).toBe(404);
  expect((await other.goto(pbxPath))?.status()).toBe(404);
  await other.goto("/tickets");
  await expect(other.getByRole("link", { name: "Configure the emergency service" })).toHaveCount(0);

  // ── An end user: no tickets at all ───────────────────────────────────────
  const { page: endUser } = await signInAs("END_USER");
  expect((await endUser.goto("/tickets"))?.status()).toBe(403);
  expect((await endUser.goto(ticketPath))?.status()).toBe(403);
  await endUser.goto(pbxPath);
  await expect(endUser.getByRole("heading", { name: "Support" })).toHaveCount(0);
  await expect(endUser.getByRole("navigation").getByRole("link", { name: "Support tickets" })).toHaveCount(0);
});
