"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type Path } from "react-hook-form";
import { createCustomerAction } from "@/app/(portal)/customers/actions";
import { CountryOptions } from "@/components/activations/legal-entity-inputs";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ZNewCustomer, type TNewCustomer } from "@/lib/customers/schemas";

export function NewCustomerDialog({ countries }: { countries: { code: string; name: string }[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const defaults: TNewCustomer = { name: "", countryCode: "" };
  const form = useForm<TNewCustomer>({ resolver: zodResolver(ZNewCustomer), defaultValues: defaults });
  const { register, formState } = form;

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      setError(null);
      form.reset(defaults);
    }
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>New customer</Button>
      </DialogTrigger>
      <DialogContent title="New customer" description="Its legal entity can be filled in now or with its first activation request." size="md">
        <form
          noValidate
          className="space-y-4"
          onSubmit={form.handleSubmit(async (values) => {
            setError(null);
            const result = await createCustomerAction(values);
            if (!result.ok) {
              for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) form.setError(field as Path<TNewCustomer>, { message: messages[0] });
              setError(result.error);
              return;
            }
            onOpenChange(false);
            router.push(`/customers?q=${encodeURIComponent(result.data.name)}`);
            router.refresh();
          })}
        >
          <FormField label="Name" required error={formState.errors.name?.message}>
            {(field) => <Input {...field} {...register("name")} autoComplete="off" maxLength={200} />}
          </FormField>
          <FormField label="Country of service" required error={formState.errors.countryCode?.message}>
            {(field) => (
              <Select {...field} {...register("countryCode")}>
                <option value="">Choose a country</option>
                <CountryOptions countries={countries} />
              </Select>
            )}
          </FormField>
          {error && <Alert variant="danger">{error}</Alert>}
          <DialogFooter>
            <Button variant="secondary" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" loading={formState.isSubmitting}>
              Add customer
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
