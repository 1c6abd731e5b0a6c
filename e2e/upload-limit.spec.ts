import { expect, test } from "./fixtures";

// The documented limit must hold through the real server: the proxy once cut bodies at 10 MB, so a
// PDF of exactly UPLOAD_MAX_BYTES arrived truncated and was refused as "Choose a file to upload".
const LIMIT = 10 * 1024 * 1024;

/** A PDF (by its magic bytes) of exactly `size` bytes. */
function pdfOfSize(size: number) {
  const head = Buffer.from("%PDF-1.4\n% size test\n");
  const tail = Buffer.from("\n%%EOF\n");
  return Buffer.concat([head, Buffer.alloc(size - head.length - tail.length, 0x20), tail]);
}

test("a document of exactly the limit is accepted and one byte more is refused with the limit in words", async ({
  db,
  tenant,
  signInAs,
}) => {
  test.setTimeout(120_000);
  const { page, email } = await signInAs("PARTNER");
  await page.goto("/partner");
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const request = await db.activationRequest.create({
    data: {
      partnerId: tenant.partner.id,
      customerId: tenant.customer.id,
      pbxId: tenant.pbx.id,
      countryCode: tenant.customer.countryCode,
      createdById: user.id,
      documents: { create: [{ name: "Signed service agreement", description: "Scanned", mandatory: true }] },
    },
    include: { documents: true },
  });
  const url = `/api/activations/${request.id}/documents/${request.documents[0].id}`;
  const origin = new URL(page.url()).origin;
  const send = (buffer: Buffer) =>
    page.request.post(url, {
      headers: { Origin: origin },
      multipart: { file: { name: "agreement.pdf", mimeType: "application/pdf", buffer } },
    });

  const atLimit = await send(pdfOfSize(LIMIT));
  expect(atLimit.status(), await atLimit.text()).toBe(201);
  const stored = await db.activationDocument.findUniqueOrThrow({
    where: { id: request.documents[0].id },
    include: { file: true },
  });
  expect(stored.file?.sizeBytes).toBe(LIMIT);

  const over = await send(pdfOfSize(LIMIT + 1));
  expect(over.status()).toBe(413);
  expect(await over.json()).toMatchObject({ ok: false, error: "The file is larger than the limit (10 MB)." });

  const forged = await page.request.post(url, {
    headers: { Origin: "https://evil.example" },
    multipart: { file: { name: "a.pdf", mimeType: "application/pdf", buffer: pdfOfSize(2048) } },
  });
  expect(forged.status()).toBe(403);
  const after = await db.activationDocument.findUniqueOrThrow({ where: { id: request.documents[0].id } });
  expect(after.fileId).toBe(stored.fileId);
});
