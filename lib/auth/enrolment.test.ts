import { describe, expect, it } from "vitest";
import { actorOf, makeUser } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import {
  beginEnrolment,
  confirmEnrolment,
  renewRecoveryCodes,
  secondFactorStatus,
  turnOffSecondFactor,
  unsafeRedeemSecondFactorTicket,
} from "./enrolment";
import { RECOVERY_CODE_COUNT } from "./recovery-codes";
import { verifySecondFactor } from "./second-factor";
import { totpCode } from "./totp";

const { prisma } = await createTestDatabase();

async function enrolled(role: "ADMIN" | "PARTNER") {
  const actor = actorOf(await makeUser(prisma, role));
  const { secret, uri, qrCodeDataUrl } = await beginEnrolment(prisma, actor);
  const confirmed = await confirmEnrolment(prisma, actor, totpCode(secret));
  return { actor, secret, uri, qrCodeDataUrl, ...confirmed };
}

describe("two-factor enrolment", () => {
  it("turns on with a code from the scanned secret, gives recovery codes once and a ticket that signs in once", async () => {
    const actor = actorOf(await makeUser(prisma, "ADMIN"));
    const { secret, uri, qrCodeDataUrl } = await beginEnrolment(prisma, actor);
    expect(uri).toMatch(/^otpauth:\/\/totp\/CLASSOUND:.+\?.*secret=/);
    expect(qrCodeDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    await expect(confirmEnrolment(prisma, actor, "000000")).rejects.toMatchObject({
      fieldErrors: { code: [expect.any(String)] },
    });
    const { recoveryCodes, ticket } = await confirmEnrolment(prisma, actor, totpCode(secret));
    expect(new Set(recoveryCodes).size).toBe(RECOVERY_CODE_COUNT);
    expect(await prisma.recoveryCode.count({ where: { userId: actor.userId, codeHash: { in: recoveryCodes } } })).toBe(
      0,
    );
    expect(await unsafeRedeemSecondFactorTicket(prisma, ticket)).toMatchObject({ userId: actor.userId });
    expect(await unsafeRedeemSecondFactorTicket(prisma, ticket)).toBeNull();
    expect(await secondFactorStatus(prisma, actor)).toMatchObject({
      recoveryCodesLeft: RECOVERY_CODE_COUNT,
      required: true,
    });
    await expect(beginEnrolment(prisma, actor)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses an expired or forged ticket", async () => {
    const { ticket, actor } = await enrolled("PARTNER");
    expect(await unsafeRedeemSecondFactorTicket(prisma, ticket, new Date(Date.now() + 3 * 60_000))).toBeNull();
    expect(await unsafeRedeemSecondFactorTicket(prisma, `${actor.userId}.forged`)).toBeNull();
    expect(await unsafeRedeemSecondFactorTicket(prisma, { ticket })).toBeNull();
  });

  it("does not accept the enrolment's own code again at sign-in", async () => {
    const { actor, secret } = await enrolled("PARTNER");
    expect(await verifySecondFactor(prisma, actor.userId, totpCode(secret), "10.2.0.1")).toBe("invalid");
  });

  it("keeps admins on two-factor; lets a partner turn it off with a current code", async () => {
    const admin = await enrolled("ADMIN");
    await expect(turnOffSecondFactor(prisma, admin.actor, admin.recoveryCodes[0]!, "10.2.0.2")).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const partner = await enrolled("PARTNER");
    await expect(turnOffSecondFactor(prisma, partner.actor, "000000", "10.2.0.2")).rejects.toMatchObject({
      code: "INVALID",
    });
    await turnOffSecondFactor(prisma, partner.actor, partner.recoveryCodes[0]!, "10.2.0.2");
    expect(await secondFactorStatus(prisma, partner.actor)).toMatchObject({ enabledAt: null, recoveryCodesLeft: 0 });
  });

  it("renews recovery codes: the old ones stop working", async () => {
    const { actor, recoveryCodes } = await enrolled("PARTNER");
    const renewed = await renewRecoveryCodes(prisma, actor, recoveryCodes[0]!, "10.2.0.3");
    expect(await verifySecondFactor(prisma, actor.userId, recoveryCodes[1]!, "10.2.0.3")).toBe("invalid");
    expect(await verifySecondFactor(prisma, actor.userId, renewed[0]!, "10.2.0.3")).toBe("ok");
  });
});
