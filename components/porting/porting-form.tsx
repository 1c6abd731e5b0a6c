"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { MAX_PORTING_NUMBERS } from "@/lib/porting/numbers";
import { ZSubmitPorting } from "@/lib/porting/schemas";

// The file is checked for presence here; its type and size by the server, as every upload.
const ZPortingForm = ZSubmitPorting.extend({
  loa: z.custom<FileList>(
    (v) => typeof FileList !== "undefined" && v instanceof FileList && v.length === 1,
    "Choose the signed letter of authorization.",
  ),
});
type Values = z.input<typeof ZPortingForm>;

/**
 * The port-in form. The same zod schema checks it here and on the server; the request and its letter
 * of authorization go up together as one multipart form (a route handler: an action's body is capped
 * at 1 MB), and the server's field messages land beside their fields.
 */
export function PortingForm({
  pbxs,
  defaultPbxId,
  today,
}: {
  pbxs: { id: string; label: string }[];
  defaultPbxId?: string;
  today: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Values, unknown, z.output<typeof ZPortingForm>>({
    resolver: zodResolver(ZPortingForm),
    defaultValues: {
      pbxId: defaultPbxId ?? "",
      numbers: "",
      currentOperator: "",
      accountHolder: "",
      requestedDate: "",
    },
  });
  const { errors } = form.formState;

  return (
    <form
      noValidate
      className="max-w-2xl space-y-5"
      onSubmit={form.handleSubmit(async () => {
        setError(null);
        const { loa, ...fields } = form.getValues();
        const body = new FormData();
        for (const [key, value] of Object.entries(fields)) body.set(key, String(value ?? ""));
        body.set("file", loa[0]);
        const response = await fetch("/api/porting", { method: "POST", body });
        const result = await response
          .json()
          .catch(() => ({ ok: false, error: "The server did not answer. Try again." }));
        if (!result.ok) {
          for (const [field, messages] of Object.entries((result.fieldErrors ?? {}) as Record<string, string[]>))
            form.setError(field as keyof Values, { message: messages[0] });
          return setError(result.error);
        }
        toast({ title: "Porting request submitted", description: "CLASSOUND has been notified.", variant: "success" });
        router.push(`/porting/${result.data.id}`);
      })}
    >
      <FormField
        label="PBX"
        required
        error={errors.pbxId?.message}
        hint="Only PBXs with CLASSOUND active can receive numbers."
      >
        {(field) => (
          <Select {...field} {...form.register("pbxId")}>
            <option value="">Choose a PBX</option>
            {pbxs.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <FormField
        label="Numbers to port"
        required
        error={errors.numbers?.message}
        hint={`In international form (+49 30 1234567), one per line; all of one country; at most ${MAX_PORTING_NUMBERS}.`}
      >
        {(field) => <Textarea {...field} {...form.register("numbers")} rows={6} className="font-mono" />}
      </FormField>
      <FormField label="Current operator" required error={errors.currentOperator?.message}>
        {(field) => <Input {...field} {...form.register("currentOperator")} autoComplete="off" />}
      </FormField>
      <FormField
        label="Account holder"
        required
        error={errors.accountHolder?.message}
        hint="As written on the contract with the current operator."
      >
        {(field) => <Input {...field} {...form.register("accountHolder")} autoComplete="organization" />}
      </FormField>
      <FormField
        label="Requested date"
        required
        error={errors.requestedDate?.message}
        hint="CLASSOUND confirms the exact date and time of the switch."
      >
        {(field) => <Input {...field} {...form.register("requestedDate")} type="date" min={today} className="w-48" />}
      </FormField>
      <FormField
        label="Letter of authorization"
        required
        error={errors.loa?.message}
        hint="Signed by the account holder: PDF, PNG or JPEG."
      >
        {(field) => (
          <Input {...field} {...form.register("loa")} type="file" accept="application/pdf,image/png,image/jpeg" />
        )}
      </FormField>
      {error && <Alert variant="danger">{error}</Alert>}
      <Button type="submit" loading={form.formState.isSubmitting}>
        Submit porting request
      </Button>
    </form>
  );
}
