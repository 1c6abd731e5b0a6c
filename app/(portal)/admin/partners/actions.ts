"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { requestMailDelivery } from "@/lib/jobs/enqueue";
import { reinstateAgreement, suspendAgreement } from "@/lib/partners/agreement";
import { onboardPartner } from "@/lib/partners/onboard";
import { ZAgreementChange, ZOnboardPartner, ZTierChange } from "@/lib/partners/schemas";
import { changePartnerTier } from "@/lib/partners/tier-change";

// The partner admin's set-password link is returned once, to the admin who onboarded the partner;
// afterwards only its hash exists (as for a user created on /users).
export const onboardPartnerAction = action(
  { permission: "partners.manage", input: ZOnboardPartner },
  async (input, { actor, db }) => {
    const { partnerId, adminEmail, link, expiresAt } = await onboardPartner(db, actor, input);
    await requestMailDelivery();
    revalidatePath("/admin/partners");
    return { partnerId, adminEmail, link, expiresAt };
  },
);

export const changePartnerTierAction = action(
  { permission: "partners.manage", input: ZTierChange },
  async (input, { actor, db }) => {
    const { started, rerate, rerateQueued } = await changePartnerTier(db, actor, input);
    revalidatePath(`/admin/partners/${input.partnerId}`);
    revalidatePath("/admin/partners");
    return { started, months: rerate.map((r) => r.month), rerateQueued };
  },
);

export const suspendAgreementAction = action(
  { permission: "partners.manage", input: ZAgreementChange },
  async (input, { actor, db }) => {
    const result = await suspendAgreement(db, actor, input);
    await requestMailDelivery();
    revalidatePath(`/admin/partners/${input.partnerId}`);
    revalidatePath("/admin/partners");
    return result;
  },
);

export const reinstateAgreementAction = action(
  { permission: "partners.manage", input: ZAgreementChange },
  async (input, { actor, db }) => {
    const result = await reinstateAgreement(db, actor, input);
    await requestMailDelivery();
    revalidatePath(`/admin/partners/${input.partnerId}`);
    revalidatePath("/admin/partners");
    return result;
  },
);
