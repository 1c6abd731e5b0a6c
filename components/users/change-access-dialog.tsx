"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { changeUserAccessAction } from "@/app/(portal)/users/actions";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { FormDialogFooter, useFormDialog } from "@/components/ui/form-dialog";
import { toast } from "@/components/ui/toast";
import type { UserFormOptions, UserRow } from "@/lib/users/queries";
import { ZAccessChange, type TAccessChange } from "@/lib/users/schemas";
import { AccessFields, accessFieldProps } from "./access-fields";

type FormValues = z.input<typeof ZAccessChange>;

export function ChangeAccessDialog({ user, options }: { user: UserRow; options: UserFormOptions }) {
  const router = useRouter();
  const defaults: FormValues = {
    role: user.role,
    isPartnerAdmin: user.isPartnerAdmin,
    partnerId: user.partnerId ?? "",
    customerId: user.customerId ?? "",
  };
  const form = useForm<FormValues, unknown, TAccessChange>({
    resolver: zodResolver(ZAccessChange),
    defaultValues: defaults,
  });
  const { register, formState } = form;
  const role = useWatch({ control: form.control, name: "role" });
  const errors = formState.errors;
  const { open, setOpen, onOpenChange, error, submit } = useFormDialog(form, defaults);

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm" aria-label={`Change role of ${user.name}`}>
          Change role
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Change role of ${user.name}`}
        description="The user is signed out everywhere and signs in again with the new role."
      >
        <form
          noValidate
          className="space-y-4"
          onSubmit={submit(
            (values) => changeUserAccessAction({ ...values, userId: user.id }),
            () => {
              toast({ title: `Role of ${user.name} saved`, variant: "success" });
              setOpen(false);
              router.refresh();
            },
          )}
        >
          <AccessFields role={role} options={options} {...accessFieldProps(register, errors)} />
          <FormDialogFooter
            error={error}
            onCancel={() => setOpen(false)}
            submitLabel="Save role"
            pending={formState.isSubmitting}
          />
        </form>
      </DialogContent>
    </Dialog>
  );
}
