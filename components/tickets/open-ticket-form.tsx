"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { openTicketAction } from "@/app/(portal)/tickets/actions";
import { NO_NUMBERS, type NumberSelection } from "@/components/numbers/number-picker-table";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import type { TicketCategory } from "@/lib/db/generated/enums";
import { checkSenderName } from "@/lib/sms/sender-name";
import { TICKET_CATEGORIES, TICKET_CATEGORY_LABEL } from "@/lib/tickets/categories";
import { ZOpenTicket } from "@/lib/tickets/schemas";
import { TicketNumbers } from "./ticket-numbers";

type Values = z.input<typeof ZOpenTicket>;

interface OpenTicketFormProps {
  pbxs: { id: string; label: string }[];
  senderIdCountries: { code: string; name: string }[];
  /** Choosing another PBX reloads the page; `allNumbers` starts with every number the category accepts selected. */
  defaults: { category: TicketCategory; pbxId?: string; numberIds: string[]; allNumbers: boolean; subject: string };
}

const NEEDS_NUMBERS: readonly TicketCategory[] = ["CNAM", "DEFAULT_CALLER_NUMBER", "NUMBER_BLOCKING", "OTHER"];

export function OpenTicketForm({ pbxs, senderIdCountries, defaults }: OpenTicketFormProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const { allNumbers, ...initial } = defaults;
  const form = useForm<Values>({
    resolver: zodResolver(ZOpenTicket),
    defaultValues: { ...initial, numbersMatching: allNumbers ? { q: "" } : undefined, message: "" },
  });
  const { errors } = form.formState;
  const category = useWatch({ control: form.control, name: "category" });
  const [selection, setSelection] = useState<NumberSelection>({
    ids: defaults.numberIds,
    matching: defaults.allNumbers ? "" : null,
  });
  const senderName = useWatch({ control: form.control, name: "senderName" }) ?? "";

  function choosePbx(pbxId: string) {
    form.setValue("numberIds", []);
    form.setValue("numbersMatching", undefined);
    setSelection(NO_NUMBERS);
    const params = new URLSearchParams({ category, ...(pbxId ? { pbx: pbxId } : {}) });
    router.replace(`/tickets/new?${params}`);
  }

  return (
    <form
      noValidate
      className="max-w-2xl space-y-5"
      onSubmit={form.handleSubmit(async (values) => {
        setError(null);
        const result = await openTicketAction(values);
        if (!result.ok) {
          for (const [field, messages] of Object.entries(result.fieldErrors ?? {}))
            form.setError(field as keyof Values, { message: messages[0] });
          return setError(result.error);
        }
        toast({ title: "Ticket opened", description: "Support has been notified.", variant: "success" });
        router.push(`/tickets/${result.data.id}`);
      })}
    >
      <FormField label="Category" required error={errors.category?.message}>
        {(field) => (
          <Select {...field} {...form.register("category")}>
            {TICKET_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {TICKET_CATEGORY_LABEL[c]}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <FormField
        label="PBX"
        required={category !== "OTHER"}
        error={errors.pbxId?.message}
        hint={category === "OTHER" ? "Optional for other requests." : undefined}
      >
        {(field) => (
          <Select
            {...field}
            {...form.register("pbxId", {
              setValueAs: (v) => v || undefined,
              onChange: (e) => choosePbx(e.target.value),
            })}
          >
            <option value="">Choose a PBX</option>
            {pbxs.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      {NEEDS_NUMBERS.includes(category) && defaults.pbxId && (
        <TicketNumbers
          pbxId={defaults.pbxId}
          category={category}
          selection={selection}
          onChange={(next) => {
            setSelection(next);
            form.setValue("numberIds", next.ids, { shouldValidate: form.formState.isSubmitted });
            form.setValue("numbersMatching", next.matching === null ? undefined : { q: next.matching });
          }}
          error={errors.numberIds?.message}
        />
      )}
      {category === "CNAM" && (
        <FormField
          label="Caller name to show"
          required
          hint="US and Canadian numbers only; at most 15 characters."
          error={errors.callerName?.message}
        >
          {(field) => <Input {...field} {...form.register("callerName")} maxLength={15} />}
        </FormField>
      )}
      {category === "SENDER_ID_REGISTRATION" && (
        <>
          <FormField
            label="Country"
            required
            error={errors.countryCode?.message}
            hint="Countries whose regulator requires registered sender IDs."
          >
            {(field) => (
              <Select {...field} {...form.register("countryCode", { setValueAs: (v) => v || undefined })}>
                <option value="">Choose a country</option>
                {senderIdCountries.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
          <FormField
            label="Sender name"
            required
            error={errors.senderName?.message}
            hint={
              <>
                Registered as{" "}
                <span className="font-mono font-medium text-foreground">{checkSenderName(senderName).sent || "…"}</span>
                .{" "}
                <Link href="/sms" className="text-brand-700 underline">
                  See symbol by symbol
                </Link>
                . The customer&rsquo;s compliance documents on file are attached.
              </>
            }
          >
            {(field) => <Input {...field} {...form.register("senderName")} />}
          </FormField>
        </>
      )}
      <FormField label="Subject" required error={errors.subject?.message}>
        {(field) => <Input {...field} {...form.register("subject")} />}
      </FormField>
      <FormField label="Message" required error={errors.message?.message}>
        {(field) => <Textarea {...field} {...form.register("message")} rows={5} />}
      </FormField>
      {error && <Alert variant="danger">{error}</Alert>}
      <Button type="submit" loading={form.formState.isSubmitting}>
        Open ticket
      </Button>
    </form>
  );
}
