"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { updateCustomerLegalEntityAction } from "@/app/(portal)/customers/actions";
import { LEGAL_ENTITY_FIELDS } from "@/components/activations/legal-entity-fields";
import { CountryOptions, LegalEntityInputs } from "@/components/activations/legal-entity-inputs";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { FormDialogFooter, useFormDialog } from "@/components/ui/form-dialog";
import { PostcodeSuggestionNote, usePostcodeSuggestion } from "@/components/forms/postcode-suggestion";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toast";
import { ZActivationForm, type TActivationForm } from "@/lib/activations/form-schema";
import type { LegalEntityFields } from "@/lib/activations/schemas";

export function LegalEntityDialog({
  customer,
  countries,
}: {
  customer: { id: string; name: string; countryCode: string; legalEntity: LegalEntityFields | null };
  countries: { code: string; name: string }[];
}) {
  const router = useRouter();
  const defaults = {
    countryCode: customer.countryCode,
    ...Object.fromEntries(LEGAL_ENTITY_FIELDS.map((f) => [f.name, customer.legalEntity?.[f.name] ?? ""])),
  } as TActivationForm;
  // The activation form's schema: a profile saved here passes that form as it is.
  const form = useForm<TActivationForm>({ resolver: zodResolver(ZActivationForm), defaultValues: defaults });
  const { register, formState } = form;
  const { open, setOpen, onOpenChange, close, error, submit } = useFormDialog(form, defaults);
  const [countryCode, postcode, city] = useWatch({ control: form.control, name: ["countryCode", "postcode", "city"] });
  const suggestion = usePostcodeSuggestion({ countryCode, postcode, city });

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm" aria-label={`Edit legal entity of ${customer.name}`}>
          Edit legal entity
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Legal entity of ${customer.name}`}
        description="The next activation request for this customer starts from these details."
        size="lg"
      >
        <form
          noValidate
          className="space-y-4"
          onSubmit={submit(
            (values) => updateCustomerLegalEntityAction({ customerId: customer.id, values }),
            () => {
              toast({ title: "Legal entity saved", variant: "success" });
              setOpen(false);
              router.refresh();
            },
          )}
        >
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField
              label="Country of service"
              required
              error={formState.errors.countryCode?.message}
              className="sm:col-span-2"
            >
              {(field) => (
                <Select {...field} {...register("countryCode")}>
                  <CountryOptions countries={countries} />
                </Select>
              )}
            </FormField>
            <LegalEntityInputs
              register={register}
              errorOf={(name) => formState.errors[name]?.message}
              countryCode={countryCode}
              afterCity={
                <PostcodeSuggestionNote
                  postcode={postcode}
                  suggestion={suggestion}
                  onUseCity={(next) => form.setValue("city", next, { shouldDirty: true, shouldValidate: true })}
                />
              }
            />
          </div>
          <FormDialogFooter
            error={error}
            onCancel={close}
            submitLabel="Save legal entity"
            pending={formState.isSubmitting}
          />
        </form>
      </DialogContent>
    </Dialog>
  );
}
