"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { createCustomerAction } from "@/app/(portal)/customers/actions";
import { CountryOptions } from "@/components/activations/legal-entity-inputs";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { FormDialogFooter, useFormDialog } from "@/components/ui/form-dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ZNewCustomer, type TNewCustomer } from "@/lib/customers/schemas";

export function NewCustomerDialog({ countries }: { countries: { code: string; name: string }[] }) {
  const router = useRouter();
  const defaults: TNewCustomer = { name: "", countryCode: "" };
  const form = useForm<TNewCustomer>({ resolver: zodResolver(ZNewCustomer), defaultValues: defaults });
  const { register, formState } = form;
  const { open, onOpenChange, close, error, submit } = useFormDialog(form, defaults);

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>Add a customer</Button>
      </DialogTrigger>
      <DialogContent
        title="Add a customer"
        description="Its page opens next, where its legal entity, contacts and time zone can be filled in now or later (the first approved activation request fills the legal entity too)."
        size="md"
      >
        <form
          noValidate
          className="space-y-4"
          onSubmit={submit(createCustomerAction, (customer) => {
            close();
            router.push(`/customers/${customer.id}`);
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
          <FormDialogFooter
            error={error}
            onCancel={close}
            submitLabel="Add customer"
            pending={formState.isSubmitting}
          />
        </form>
      </DialogContent>
    </Dialog>
  );
}
