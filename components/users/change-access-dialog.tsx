"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch, type Path } from "react-hook-form";
import type { z } from "zod";
import { changeUserAccessAction } from "@/app/(portal)/users/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";
import type { UserFormOptions, UserRow } from "@/lib/users/queries";
import { ZAccessChange, type TAccessChange } from "@/lib/users/schemas";
import { AccessFields, accessFieldProps } from "./access-fields";

type FormValues = z.input<typeof ZAccessChange>;

export function ChangeAccessDialog({ user, options }: { user: UserRow; options: UserFormOptions }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const defaults: FormValues = { role: user.role, isPartnerAdmin: user.isPartnerAdmin, partnerId: user.partnerId ?? "", customerId: user.customerId ?? "" };
  const form = useForm<FormValues, unknown, TAccessChange>({ resolver: zodResolver(ZAccessChange), defaultValues: defaults });
  const { register, formState } = form;
  const role = useWatch({ control: form.control, name: "role" });
  const errors = formState.errors;

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) {
          setError(null);
          form.reset(defaults);
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm" aria-label={`Change role of ${user.name}`}>
          Change role
        </Button>
      </DialogTrigger>
      <DialogContent title={`Change role of ${user.name}`} description="The user is signed out everywhere and signs in again with the new role.">
        <form
          noValidate
          className="space-y-4"
          onSubmit={form.handleSubmit(async (values) => {
            setError(null);
            const result = await changeUserAccessAction({ ...values, userId: user.id });
            if (!result.ok) {
              for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) form.setError(field as Path<FormValues>, { message: messages[0] });
              setError(result.error);
              return;
            }
            toast({ title: `Role of ${user.name} saved`, variant: "success" });
            setOpen(false);
            router.refresh();
          })}
        >
          <AccessFields
            role={role}
            options={options}
            {...accessFieldProps(register, errors)}
          />
          {error && <Alert variant="danger">{error}</Alert>}
          <DialogFooter>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" loading={formState.isSubmitting}>
              Save role
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
