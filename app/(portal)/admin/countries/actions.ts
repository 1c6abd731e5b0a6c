"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { setCountryActivationEnabled } from "@/lib/catalogue/country-settings";
import {
  archiveRequiredDocument,
  createRequiredDocument,
  updateRequiredDocument,
} from "@/lib/catalogue/required-documents";
import { ZCountryCode, ZCountrySettings, ZRequiredDocument } from "@/lib/catalogue/schemas";
import { action } from "@/lib/http/action";
import { ZId } from "@/lib/http/ids";

function refresh(countryCode: string) {
  revalidatePath(`/admin/countries/${countryCode}`);
  revalidatePath("/admin/countries");
}

export const setCountryActivationAction = action(
  { permission: "catalogue.manage", input: ZCountrySettings.extend({ countryCode: ZCountryCode }) },
  async ({ countryCode, ...values }, { actor, db }) => {
    const country = await setCountryActivationEnabled(db, actor, countryCode, values);
    refresh(country.code);
    return { activationEnabled: country.activationEnabled };
  },
);

export const createRequiredDocumentAction = action(
  { permission: "catalogue.manage", input: ZRequiredDocument.extend({ countryCode: ZCountryCode }) },
  async ({ countryCode, ...values }, { actor, db }) => {
    const document = await createRequiredDocument(db, actor, countryCode, values);
    refresh(document.countryCode);
    return { id: document.id };
  },
);

export const updateRequiredDocumentAction = action(
  { permission: "catalogue.manage", input: ZRequiredDocument.extend({ documentId: ZId }) },
  async ({ documentId, ...values }, { actor, db }) => {
    const document = await updateRequiredDocument(db, actor, documentId, values);
    refresh(document.countryCode);
  },
);

export const archiveRequiredDocumentAction = action(
  { permission: "catalogue.manage", input: z.object({ documentId: ZId }) },
  async ({ documentId }, { actor, db }) => {
    const document = await archiveRequiredDocument(db, actor, documentId);
    refresh(document.countryCode);
  },
);
