import { describe, expect, it } from "vitest";
import { makeTwoTenants } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { discardActivationDraft } from "./discard-draft";
import { saveActivationDraft } from "./save-draft";
import { startActivationRequest } from "./start-request";

const { prisma } = await createTestDatabase();
const { a, b } = await makeTwoTenants(prisma);

describe("discarding an activation draft", () => {
  it("removes the draft with its slots and timeline, audited, and lets the PBX start afresh", async () => {
    const draft = await startActivationRequest(prisma, a.partnerActor, a.pbx.id);
    const saved = await saveActivationDraft(prisma, a.partnerActor, draft.id, draft.version, {
      countryCode: draft.countryCode,
      legalName: "Brauhaus Technik GmbH",
    });
    // A stale version, or another partner, changes nothing.
    await expect(discardActivationDraft(prisma, a.partnerActor, draft.id, draft.version)).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(discardActivationDraft(prisma, b.partnerActor, draft.id, saved.version)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    await discardActivationDraft(prisma, a.partnerActor, draft.id, saved.version);
    expect(await prisma.activationRequest.count({ where: { id: draft.id } })).toBe(0);
    expect(await prisma.activationDocument.count({ where: { requestId: draft.id } })).toBe(0);
    expect(
      await prisma.auditLog.findFirst({ where: { action: "activation.discarded", entityId: a.pbx.id } }),
    ).toMatchObject({
      actorId: a.partnerActor.userId,
      entityType: "Pbx",
      detail: { requestId: draft.id, pbxName: a.pbx.name },
    });
    const next = await startActivationRequest(prisma, a.partnerActor, a.pbx.id);
    expect(next.id).not.toBe(draft.id);
  });

  it("refuses a request that was submitted", async () => {
    const draft = await startActivationRequest(prisma, b.partnerActor, b.pbx.id);
    await prisma.activationRequest.update({ where: { id: draft.id }, data: { status: "SUBMITTED" } });
    await expect(discardActivationDraft(prisma, b.partnerActor, draft.id, draft.version)).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/Only a draft can be discarded/),
    });
  });
});
