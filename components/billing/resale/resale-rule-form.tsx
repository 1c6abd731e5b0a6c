"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch, type Path } from "react-hook-form";
import { clearResalePricingAction, setResalePricingAction } from "@/app/(portal)/billing/resale-prices/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { ruleText } from "@/lib/billing/resale/csv";
import {
  MAX_MARKUP_PERCENT,
  RESALE_BASIS_LABEL,
  ZResalePricing,
  type TResaleBasis,
  type TResalePricingInput,
} from "@/lib/billing/resale/schemas";
import type { ResaleCustomerOption } from "@/lib/billing/resale/settings";
import { ResaleCustomerPicker } from "./resale-customer-picker";

const BASES = Object.keys(RESALE_BASIS_LABEL) as TResaleBasis[];

/**
 * A resale rule: for all customers (`forAll`, with the rule in force), or for one customer chosen
 * with the server-side picker. The same schema checks it here and on the server.
 */
export function ResaleRuleForm({
  forAll,
}: {
  /** Present for the partner's rule for all customers: the rule now (null: the End User list by default). */
  forAll?: { current: { basis: TResaleBasis; markupPercent: string } | null };
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [customer, setCustomer] = useState<ResaleCustomerOption | null>(null);
  const current = forAll?.current;
  const form = useForm<TResalePricingInput>({
    resolver: zodResolver(ZResalePricing, undefined, { raw: true }),
    defaultValues: {
      customerId: "",
      basis: current?.basis ?? "END_USER_LIST",
      markupPercent: current && current.basis !== "END_USER_LIST" ? current.markupPercent : "",
    },
  });
  const { register, formState, setValue, control } = form;
  const basis = useWatch({ control, name: "basis" });
  const name = forAll ? "all customers" : (customer?.name ?? "the customer");
  const formId = forAll ? "resale-all" : "resale-customer";

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    // "" is the rule for all customers: this form must name one.
    if (!forAll && !values.customerId) return form.setError("customerId", { message: "Choose a customer" });
    const result = await setResalePricingAction(values);
    if (!result.ok) {
      for (const [field, messages] of Object.entries(result.fieldErrors ?? {}))
        form.setError(field as Path<TResalePricingInput>, { message: messages[0] });
      return setError(result.error);
    }
    toast({
      title: `Resale prices of ${name}: ${ruleText({ ...result.data, source: "customer" })}`,
      variant: "success",
    });
    if (!forAll) {
      setCustomer(null);
      form.reset();
    }
    router.refresh();
  });

  async function reset() {
    setError(null);
    const result = await clearResalePricingAction({ customerId: "" });
    if (!result.ok) return setError(result.error);
    toast({
      title: "Your customers are billed at the End User list unless they have their own rule",
      variant: "success",
    });
    form.reset({ customerId: "", basis: "END_USER_LIST", markupPercent: "" });
    router.refresh();
  }

  return (
    <form
      noValidate
      onSubmit={submit}
      className="space-y-4"
      aria-label={forAll ? "Resale prices for all customers" : "Resale prices for one customer"}
    >
      {error && <Alert variant="danger">{error}</Alert>}
      {!forAll && (
        <ResaleCustomerPicker
          value={customer}
          error={formState.errors.customerId?.message}
          onChange={(chosen) => {
            setCustomer(chosen);
            setValue("customerId", chosen.id, { shouldValidate: formState.isSubmitted });
            if (chosen.ownRule) {
              setValue("basis", chosen.ownRule.basis);
              setValue("markupPercent", chosen.ownRule.basis === "END_USER_LIST" ? "" : chosen.ownRule.markupPercent);
            }
          }}
        />
      )}
      <fieldset
        className="space-y-2 text-sm"
        aria-describedby={formState.errors.basis ? `${formId}-basis-error` : undefined}
      >
        <legend className="mb-1.5 font-medium">Price as</legend>
        {BASES.map((b) => (
          <label key={b} className="flex items-center gap-2">
            <input type="radio" value={b} {...register("basis")} />
            {RESALE_BASIS_LABEL[b]}
          </label>
        ))}
        {formState.errors.basis && (
          <p id={`${formId}-basis-error`} role="alert" className="text-sm font-medium text-danger-700">
            {formState.errors.basis.message}
          </p>
        )}
      </fieldset>
      {basis !== "END_USER_LIST" && (
        <FormField
          label="Markup in percent"
          required
          className="max-w-xs"
          hint={`From 0 to ${MAX_MARKUP_PERCENT}, at most 2 decimals, e.g. 25 or 12.5.`}
          error={formState.errors.markupPercent?.message}
        >
          {(field) => <Input {...field} {...register("markupPercent")} inputMode="decimal" autoComplete="off" />}
        </FormField>
      )}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={formState.isSubmitting}>
          {forAll ? "Save for all customers" : "Save for this customer"}
        </Button>
        {forAll && current && (
          <Button type="button" variant="secondary" onClick={reset}>
            Back to the End User list
          </Button>
        )}
      </div>
    </form>
  );
}

/** Removes one customer's own rule: it is then billed at the partner's rule for all. */
export function ClearCustomerRuleButton({ customerId, customerName }: { customerId: string; customerName: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <Button
      type="button"
      variant="secondary"
      size="sm"
      disabled={pending}
      onClick={async () => {
        setPending(true);
        const result = await clearResalePricingAction({ customerId });
        setPending(false);
        if (!result.ok) return toast({ title: result.error, variant: "error" });
        toast({ title: `${customerName} now follows your rule for all customers`, variant: "success" });
        router.refresh();
      }}
    >
      Remove<span className="sr-only"> the rule of {customerName}</span>
    </Button>
  );
}
