"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { createUserAction } from "@/app/(portal)/users/actions";
import { Button } from "@/components/ui/button";
import { FormDialogFooter, useFormDialog } from "@/components/ui/form-dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { RevealOnceDialog } from "@/components/ui/reveal-once-dialog";
import type { UserFormOptions } from "@/lib/users/queries";
import { ZNewUser, type TNewUser } from "@/lib/users/schemas";
import { AccessFields, accessFieldProps } from "./access-fields";
import { PasswordLink } from "./password-link";

type FormValues = z.input<typeof ZNewUser>;

export function CreateUserDialog({ options }: { options: UserFormOptions }) {
  const router = useRouter();
  const [issued, setIssued] = useState<{ email: string; link: string; expiresAt: Date } | null>(null);
  const defaults: FormValues = {
    name: "",
    email: "",
    role: "PARTNER",
    isPartnerAdmin: false,
    // A partner admin has exactly one partner: preselected.
    partnerId: options.partners.length === 1 ? options.partners[0].id : "",
    customerId: "",
  };
  const form = useForm<FormValues, unknown, TNewUser>({ resolver: zodResolver(ZNewUser), defaultValues: defaults });
  const { register, formState } = form;
  const role = useWatch({ control: form.control, name: "role" });
  const errors = formState.errors;
  const { open, onOpenChange, close, error, submit } = useFormDialog(form, defaults, () => setIssued(null));

  return (
    <RevealOnceDialog
      trigger={<Button>New user</Button>}
      open={open}
      onOpenChange={onOpenChange}
      title="New user"
      revealedTitle="User created"
      description="The user chooses a password through a one-time link we e-mail them."
      revealed={issued && <PasswordLink {...issued} />}
      onDone={close}
    >
      <form
        noValidate
        className="space-y-4"
        onSubmit={submit(createUserAction, (user) => {
          setIssued({ email: user.email, link: user.link, expiresAt: new Date(user.expiresAt) });
          router.refresh();
        })}
      >
        <FormField label="Name" required error={errors.name?.message}>
          {(field) => <Input {...field} {...register("name")} autoComplete="off" maxLength={120} />}
        </FormField>
        <FormField label="E-mail" required error={errors.email?.message}>
          {(field) => <Input {...field} {...register("email")} type="email" autoComplete="off" maxLength={254} />}
        </FormField>
        <AccessFields role={role} options={options} {...accessFieldProps(register, errors)} />
        <FormDialogFooter error={error} onCancel={close} submitLabel="Create user" pending={formState.isSubmitting} />
      </form>
    </RevealOnceDialog>
  );
}
