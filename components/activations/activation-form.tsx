"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch, type Path } from "react-hook-form";
import { saveActivationDraftAction, submitActivationAction } from "@/app/(portal)/activations/actions";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toast";
import { ZActivationForm, type TActivationForm } from "@/lib/activations/form-schema";
import { firstErrorPerField } from "@/lib/activations/field-errors";
import type { PrecheckIssue } from "@/lib/activations/precheck";
import { LEGAL_ENTITY_LABELS } from "@/lib/activations/schemas";
import { PostcodeSuggestionNote, usePostcodeSuggestion } from "@/components/forms/postcode-suggestion";
import { DiscardDraftButton } from "./discard-draft-button";
import { CountryOptions, LegalEntityInputs } from "./legal-entity-inputs";
import { PrecheckPanel } from "./precheck-panel";

const FIELD_LABELS: Record<keyof TActivationForm, string> = {
  countryCode: "Country of service",
  ...LEGAL_ENTITY_LABELS,
};

export interface ActivationFormProps {
  requestId: string;
  version: number;
  mode: "edit" | "resubmit" | "readonly";
  values: Partial<Record<keyof TActivationForm, string | null>>;
  countries: { code: string; name: string }[];
  /** The server's pre-check: submitting is offered only when it is empty. */
  issues: PrecheckIssue[];
}

export function ActivationForm({ requestId, version, mode, values, countries, issues }: ActivationFormProps) {
  const router = useRouter();
  // The request's version moves on with every save and upload; a newer one from the server wins.
  const [versions, setVersions] = useState({ fromServer: version, latest: version });
  if (versions.fromServer !== version) setVersions({ fromServer: version, latest: version });
  const [saving, setSaving] = useState(false);
  const editable = mode === "edit";
  const form = useForm<TActivationForm>({
    defaultValues: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v ?? ""])),
  });
  const { register, setError, getValues, setFocus, formState } = form;
  const [attempted, setAttempted] = useState(false);
  // One evaluation of the current values, by the schema the server checks with: the fields and the
  // status box below say the same thing. A message shows once the user has left the field, tried to
  // submit, or came back to a value saved earlier; an untouched empty field is only counted.
  const watched = useWatch({ control: form.control });
  const fieldErrors = firstErrorPerField(ZActivationForm, watched);
  const suggestion = usePostcodeSuggestion(watched);
  const isShown = (field: keyof TActivationForm) => attempted || !!formState.touchedFields[field] || !!values[field];
  const errorOf = (field: keyof TActivationForm) =>
    formState.errors[field]?.message ?? (isShown(field) ? fieldErrors[field] : undefined);
  const invalidFields = Object.keys(fieldErrors) as (keyof TActivationForm)[];
  // Leaving a field for one of the form's buttons does not count as touching it yet: a message appearing
  // on that blur would push the button down between press and release, and the click would be lost.
  // The button's own outcome (saved values, a submit attempt) then shows the messages.
  const registerField = (name: keyof TActivationForm) => {
    const registered = register(name);
    return {
      ...registered,
      onBlur: (event: React.FocusEvent<HTMLInputElement>) => {
        const next = event.relatedTarget;
        if (next instanceof HTMLButtonElement && next.form === event.currentTarget.form) return Promise.resolve();
        return registered.onBlur(event);
      },
    };
  };
  // Field issues of the server's pre-check are the same verdict on the saved values: the live one replaces them.
  const otherIssues = issues.filter((i) => !(i.target in LEGAL_ENTITY_LABELS));

  /** Saves the draft; the request's new version, or null when it was not saved. */
  async function save(): Promise<number | null> {
    const result = await saveActivationDraftAction({ requestId, version: versions.latest, values: getValues() });
    if (!result.ok) {
      for (const [field, messages] of Object.entries(result.fieldErrors ?? {}))
        setError(field as Path<TActivationForm>, { message: messages[0] });
      toast({ title: "The draft was not saved", description: result.error, variant: "error" });
      return null;
    }
    setVersions((v) => ({ ...v, latest: result.data.version }));
    // Saved values stay "touched": their messages do not disappear just because they were saved.
    form.reset(getValues(), { keepTouched: true });
    return result.data.version;
  }

  async function submit() {
    const submittedVersion = editable ? await save() : versions.latest;
    if (submittedVersion === null) return;
    const result = await submitActivationAction({ requestId, version: submittedVersion });
    if (!result.ok) {
      toast({ title: "Not submitted", description: result.error, variant: "error" });
      router.refresh();
      return;
    }
    toast({
      title: mode === "resubmit" ? "Resubmitted for review" : "Submitted for review",
      description: "We will notify you when CLASSOUND reviews it.",
      variant: "success",
    });
    router.refresh();
  }

  return (
    <form
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        if (invalidFields.length) {
          setAttempted(true);
          setFocus(invalidFields[0]);
          return;
        }
        setSaving(true);
        await submit();
        setSaving(false);
      }}
      className="space-y-6"
    >
      <fieldset disabled={!editable} className="grid gap-4 sm:grid-cols-2">
        <legend className="sr-only">Country of service and legal entity</legend>
        <FormField
          label="Country of service"
          error={errorOf("countryCode")}
          hint="Changing it replaces the document list with that country's."
          className="sm:col-span-2"
        >
          {(field) => (
            <Select {...field} {...register("countryCode")}>
              <CountryOptions countries={countries} />
            </Select>
          )}
        </FormField>
        <LegalEntityInputs
          register={registerField}
          errorOf={errorOf}
          countryCode={watched.countryCode}
          afterCity={
            editable && (
              <PostcodeSuggestionNote
                postcode={watched.postcode ?? ""}
                suggestion={suggestion}
                onUseCity={(city) => form.setValue("city", city, { shouldDirty: true, shouldTouch: true })}
              />
            )
          }
        />
      </fieldset>
      {mode !== "readonly" && (
        <PrecheckPanel
          issues={[
            ...otherIssues,
            ...invalidFields
              .filter(isShown)
              .map((field) => ({ target: field, message: `${FIELD_LABELS[field]}: ${fieldErrors[field]}` })),
          ]}
          fieldsToFill={invalidFields.filter((field) => !isShown(field)).length}
        />
      )}
      {mode !== "readonly" && (
        <div className="flex flex-wrap items-center gap-3">
          <Button
            type="submit"
            loading={saving}
            disabled={otherIssues.length > 0 || (!editable && invalidFields.length > 0)}
          >
            {mode === "resubmit" ? "Resubmit for review" : "Submit for review"}
          </Button>
          {editable && (
            <Button
              variant="secondary"
              disabled={saving}
              onClick={async () => {
                setSaving(true);
                if ((await save()) !== null) {
                  toast({
                    title: "Draft saved",
                    description: "You can leave and come back to it later.",
                    variant: "success",
                  });
                  router.refresh();
                }
                setSaving(false);
              }}
            >
              Save draft
            </Button>
          )}
          {editable && formState.isDirty && <span className="text-sm text-muted-foreground">Unsaved changes</span>}
          {editable && <DiscardDraftButton requestId={requestId} version={versions.latest} disabled={saving} />}
        </div>
      )}
    </form>
  );
}
