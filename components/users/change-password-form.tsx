"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { useForm, type Path } from "react-hook-form";
import { changeOwnPasswordAction } from "@/app/(portal)/account/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { PASSWORD_MIN, ZChangePassword, type TChangePassword } from "@/lib/users/schemas";

export function ChangePasswordForm() {
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const form = useForm<TChangePassword>({
    resolver: zodResolver(ZChangePassword),
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  const { register, formState } = form;
  const errors = formState.errors;

  if (done) {
    return (
      <Alert variant="success" title="Password changed">
        You were signed out everywhere, here too. Sign in again with your new password…
      </Alert>
    );
  }
  return (
    <form
      noValidate
      className="max-w-md space-y-4"
      onSubmit={form.handleSubmit(async (values) => {
        setError(null);
        const result = await changeOwnPasswordAction(values);
        if (!result.ok) {
          for (const [field, messages] of Object.entries(result.fieldErrors ?? {}))
            form.setError(field as Path<TChangePassword>, { message: messages[0] });
          setError(result.error);
          return;
        }
        setDone(true);
        // Every session of the account, this one included, was cut off on the server.
        await signOut({ callbackUrl: "/sign-in" });
      })}
    >
      <FormField label="Current password" required error={errors.currentPassword?.message}>
        {(field) => (
          <Input {...field} {...register("currentPassword")} type="password" autoComplete="current-password" />
        )}
      </FormField>
      <FormField
        label="New password"
        required
        error={errors.newPassword?.message}
        hint={`At least ${PASSWORD_MIN} characters. A few unrelated words make a strong one.`}
      >
        {(field) => <Input {...field} {...register("newPassword")} type="password" autoComplete="new-password" />}
      </FormField>
      <FormField label="New password again" required error={errors.confirmPassword?.message}>
        {(field) => <Input {...field} {...register("confirmPassword")} type="password" autoComplete="new-password" />}
      </FormField>
      {error && <Alert variant="danger">{error}</Alert>}
      <p className="text-sm text-muted-foreground">
        Changing your password signs you out on every device; you then sign in again with the new one.
      </p>
      <Button type="submit" loading={formState.isSubmitting}>
        Change password
      </Button>
    </form>
  );
}
