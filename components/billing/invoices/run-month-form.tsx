"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useForm, useWatch, type Path } from "react-hook-form";
import type { z } from "zod";
import { runInvoiceMonthAction } from "@/app/(portal)/admin/invoices/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { PartnerOption } from "@/lib/billing/queries";
import { ZRunMonthRequest, type TRunMonthRequest } from "@/lib/billing/schemas";
import { formatCount } from "@/lib/format";
import { monthLabel } from "./labels";
import { PartnerPicker } from "./partner-picker";

type Values = z.input<typeof ZRunMonthRequest>;
type Queued = { month: string; count: number; named: string[] };

/** After queuing, the list below is refreshed this often, this many times, so the drafts show as the jobs build them. */
const REFRESH_MS = 4_000;
const REFRESHES = 25;

function queuedSentence({ month, count, named }: Queued) {
  const who =
    count === 1
      ? named[0]
      : `${formatCount(count, "partner")} (${named.join(", ")}${count > named.length ? ", …" : ""})`;
  return `The ${monthLabel(month)} run is queued for ${who}. Drafts appear in the list below as they are built; a month with unrated calls makes no draft until it is re-rated.`;
}

/**
 * "Run month": one partner, found on the server, or all of them, for a month that has ended. Each
 * partner-month is a job of the queue that builds (or rebuilds) its DRAFT; issued invoices stay.
 */
export function RunMonthForm({ defaultMonth }: { defaultMonth: string }) {
  const router = useRouter();
  const defaults: Values = { who: "one", partnerId: "", month: defaultMonth };
  const form = useForm<Values, unknown, TRunMonthRequest>({
    resolver: zodResolver(ZRunMonthRequest),
    defaultValues: defaults,
  });
  const { register, formState, setValue } = form;
  const [partner, setPartner] = useState<PartnerOption | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [queued, setQueued] = useState<Queued | null>(null);
  const [refreshesLeft, setRefreshesLeft] = useState(0);
  const who = useWatch({ control: form.control, name: "who" });

  useEffect(() => {
    if (refreshesLeft <= 0) return;
    const timer = setTimeout(() => {
      router.refresh();
      setRefreshesLeft((n) => n - 1);
    }, REFRESH_MS);
    return () => clearTimeout(timer);
  }, [refreshesLeft, router]);

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    setQueued(null);
    const result = await runInvoiceMonthAction(values);
    if (!result.ok) {
      for (const [field, messages] of Object.entries(result.fieldErrors ?? {}))
        form.setError(field as Path<Values>, { message: messages[0] });
      return setError(result.error);
    }
    setQueued(result.data);
    setRefreshesLeft(REFRESHES);
    router.refresh();
  });

  return (
    <form noValidate onSubmit={submit} className="space-y-4" aria-label="Run a month">
      <fieldset className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
        <legend className="mb-1.5 font-medium">Run for</legend>
        <label className="flex items-center gap-2">
          <input type="radio" value="one" {...register("who")} />
          One partner
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" value="all" {...register("who")} />
          All partners
        </label>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_12rem]">
        {who === "one" ? (
          <PartnerPicker
            value={partner}
            error={formState.errors.partnerId?.message}
            onChange={(chosen) => {
              setPartner(chosen);
              setValue("partnerId", chosen.id, { shouldValidate: formState.isSubmitted });
            }}
          />
        ) : (
          <p className="self-end text-sm text-muted-foreground">Every partner&apos;s month is run, one job each.</p>
        )}
        <FormField
          label="Month"
          required
          hint="The partner's calendar month (YYYY-MM)."
          error={formState.errors.month?.message}
        >
          {(field) => <Input {...field} {...register("month")} type="month" />}
        </FormField>
      </div>
      {error && <Alert variant="danger">{error}</Alert>}
      {queued && (
        <Alert variant="success" title="Run queued" aria-live="polite">
          {queuedSentence(queued)}
        </Alert>
      )}
      <Button type="submit" loading={formState.isSubmitting}>
        Run month
      </Button>
    </form>
  );
}
