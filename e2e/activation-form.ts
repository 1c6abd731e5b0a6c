import type { Page } from "@playwright/test";
import { sampleFiles } from "@/lib/testing/sample-files";
import { expect } from "./fixtures";

/** A PDF upload of that name (the sample's text names it too). */
export const pdf = (name: string) => ({
  name,
  mimeType: "application/pdf",
  buffer: Buffer.from(sampleFiles.pdf(name)),
});

/** Types a German customer's legal entity into the activation form; the phone is the spec's to choose (valid or not). */
export async function fillLegalEntity(page: Page, contactPhone: string) {
  await page.getByLabel("Company name").fill("Lärchenhof Beratung GmbH");
  await page.getByLabel("VAT or tax number").fill("DE136695976");
  await page.getByLabel("Registered address").fill("Sendlinger Straße 12");
  await page.getByLabel("Postcode").fill("80331");
  await page.getByLabel("City").fill("München");
  await page.getByLabel("Contact person").fill("Claire Martin");
  await page.getByLabel("Contact e-mail").fill("claire.martin@laerchenhof.example");
  await page.getByLabel("Contact phone").fill(contactPhone);
}

/** The names of the request's document slots, as their upload fields are labelled. */
export function documentSlots(page: Page): Promise<string[]> {
  return page
    .getByLabel(/^Upload /)
    .evaluateAll((inputs) => inputs.map((i) => i.getAttribute("aria-label")!.replace(/^Upload /, "")));
}

/** Uploads a PDF into each slot and waits until each is stored (its field becomes "Replace …"). */
export async function uploadEveryDocument(page: Page, slots: string[]) {
  for (const name of slots) {
    await page.getByLabel(`Upload ${name}`).setInputFiles(pdf(`${name}.pdf`));
    await expect(page.getByLabel(`Replace ${name}`)).toBeAttached();
  }
}
