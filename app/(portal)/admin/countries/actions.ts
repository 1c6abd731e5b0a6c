"use server";

import { revalidatePath } from "next/cache";
import { actorWith } from "@/lib/auth/request-actor";
import { setCountryActivationEnabled } from "@/lib/catalogue/country-settings";
import { archiveRequiredDocument, createRequiredDocument, updateRequiredDocument } from "@/lib/catalogue/required-documents";
import { db } from "@/lib/db/client";
import { toActionResult } from "@/lib/http/action-result";

function refresh(countryCode: string) {
  revalidatePath(`/admin/countries/${countryCode}`);
  revalidatePath("/admin/countries");
}

export async function setCountryActivationAction(countryCode: string, values: unknown) {
  return toActionResult(async () => {
    const country = await setCountryActivationEnabled(db(), await actorWith("catalogue.manage"), countryCode, values);
    refresh(country.code);
    return { activationEnabled: country.activationEnabled };
  });
}

export async function createRequiredDocumentAction(countryCode: string, values: unknown) {
  return toActionResult(async () => {
    const document = await createRequiredDocument(db(), await actorWith("catalogue.manage"), countryCode, values);
    refresh(document.countryCode);
    return { id: document.id };
  });
}

export async function updateRequiredDocumentAction(documentId: string, values: unknown) {
  return toActionResult(async () => {
    const document = await updateRequiredDocument(db(), await actorWith("catalogue.manage"), documentId, values);
    refresh(document.countryCode);
  });
}

export async function archiveRequiredDocumentAction(documentId: string) {
  return toActionResult(async () => {
    const document = await archiveRequiredDocument(db(), await actorWith("catalogue.manage"), documentId);
    refresh(document.countryCode);
  });
}
