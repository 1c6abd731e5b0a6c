import { execFileSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { attachTemplate } from "@/lib/catalogue/attach-template";
import { PREFILLED_FIELDS, renderDocumentForm } from "@/lib/catalogue/document-form-pdf";
import { localDriver } from "@/lib/storage/local-driver";
import { makeTwoTenants, SAMPLE_LEGAL_ENTITY } from "@/lib/testing/fixtures";
import { sampleFiles } from "@/lib/testing/sample-files";
import { createTestDatabase } from "@/lib/testing/test-database";
import { prefilledTemplate } from "./prefilled-template";
import { saveActivationDraft } from "./save-draft";
import { startActivationRequest } from "./start-request";

const { prisma } = await createTestDatabase();
const root = await mkdtemp(path.join(os.tmpdir(), "classound-template-"));
afterAll(() => rm(root, { recursive: true, force: true }));
const driver = localDriver(root);
const { a, b, admin } = await makeTwoTenants(prisma);

const agreement = await prisma.requiredDocument.create({
  data: {
    countryCode: "DE",
    name: "Service agreement",
    description: "Signed by the legal representative",
    mandatory: true,
    sortOrder: 1,
  },
});
const extract = await prisma.requiredDocument.create({
  data: {
    countryCode: "DE",
    name: "Registration extract",
    description: "From the company register",
    mandatory: true,
    sortOrder: 2,
  },
});
const fields = [...Object.values(PREFILLED_FIELDS), "Signature"];
await attachTemplate(
  prisma,
  admin,
  agreement.id,
  {
    bytes: await renderDocumentForm({
      title: "Service agreement",
      countryName: "Germany",
      description: "Sign it.",
      fields,
    }),
    fileName: "agreement.pdf",
  },
  driver,
);
await attachTemplate(prisma, admin, extract.id, { bytes: sampleFiles.pdf("scanned"), fileName: "extract.pdf" }, driver);

const request = await startActivationRequest(prisma, a.partnerActor, a.pbx.id);
await saveActivationDraft(prisma, a.partnerActor, request.id, 0, SAMPLE_LEGAL_ENTITY);
const slots = await prisma.activationDocument.findMany({ where: { requestId: request.id }, orderBy: { name: "asc" } });
const slotOf = (name: string) => slots.find((s) => s.name === name)!.id;

async function pdfTool(tool: "pdfinfo" | "pdftotext", bytes: Uint8Array) {
  const file = path.join(root, `${crypto.randomUUID()}.pdf`);
  await writeFile(file, bytes);
  return execFileSync(tool, tool === "pdftotext" ? [file, "-"] : [file], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
}

it("hands out the template as an AcroForm with the customer, address, PBX serial and partner filled in", async () => {
  const { file, bytes } = await prefilledTemplate(
    prisma,
    a.partnerActor,
    request.id,
    slotOf("Service agreement"),
    driver,
  );
  expect(file.fileName).toBe("agreement.pdf");
  expect(await pdfTool("pdfinfo", bytes)).toMatch(/^Form:\s+AcroForm$/m);
  const text = await pdfTool("pdftotext", bytes);
  const { legalName, vatNumber, addressLine, postcode, city } = SAMPLE_LEGAL_ENTITY;
  for (const value of [
    legalName,
    vatNumber,
    `${addressLine}, ${postcode} ${city}, Germany`,
    a.pbx.serial,
    a.partner.name,
  ])
    expect(text).toContain(value);

  // The stored template stays blank for the next customer.
  const blank = await prisma.storedFile.findFirstOrThrow({ where: { templateFor: { some: { id: agreement.id } } } });
  expect(await pdfTool("pdftotext", await driver.get(blank.storageKey))).not.toContain(a.pbx.serial);
});

it("returns a template without form fields as it is", async () => {
  const { bytes } = await prefilledTemplate(prisma, a.partnerActor, request.id, slotOf("Registration extract"), driver);
  expect(Buffer.from(bytes).equals(Buffer.from(sampleFiles.pdf("scanned")))).toBe(true);
});

it("gives another partner and end users nothing, and a slot of another request is not found", async () => {
  await expect(
    prefilledTemplate(prisma, b.partnerActor, request.id, slotOf("Service agreement"), driver),
  ).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(
    prefilledTemplate(prisma, a.endUserActor, request.id, slotOf("Service agreement"), driver),
  ).rejects.toMatchObject({ code: "FORBIDDEN" });
  const other = await startActivationRequest(prisma, b.partnerActor, b.pbx.id);
  const [foreignSlot] = await prisma.activationDocument.findMany({ where: { requestId: other.id } });
  await expect(prefilledTemplate(prisma, a.partnerActor, request.id, foreignSlot.id, driver)).rejects.toMatchObject({
    code: "NOT_FOUND",
  });
});
