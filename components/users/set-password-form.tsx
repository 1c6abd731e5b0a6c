"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm, type Path } from "react-hook-form";
import { setPasswordAction } from "@/app/(auth)/set-password/[token]/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { PASSWORD_MIN, ZSetPassword, type TSetPassword } from "@/lib/users/schemas";

export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const form = useForm<TSetPassword>({
    resolver: zodResolver(ZSetPassword),
    defaultValues: { password: "", confirmPassword: "" },
  });
  const { register, formState } = form;
  const errors = formState.errors;

  if (done) {
    return (
      <div className="space-y-4">
        <Alert variant="success" title="Password set">
          You can now sign in as {email}.
        </Alert>
        <Button asChild className="w-full">
          <Link href="/sign-in">Sign in</Link>
        </Button>
      </div>
    );
  }
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={form.handleSubmit(async (values) => {
        setError(null);
        const result = await setPasswordAction({ ...values, token });
        if (!result.ok) {
          for (const [field, messages] of Object.entries(result.fieldErrors ?? {}))
            form.setError(field as Path<TSetPassword>, { message: messages[0] });
          setError(result.error);
          return;
        }
        setDone(true);
      })}
    >
      {/* Lets password managers store the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <FormField
        label="New password"
        required
        error={errors.password?.message}
        hint={`At least ${PASSWORD_MIN} characters. A few unrelated words make a strong one.`}
      >
        {(field) => (
          <Input {...field} {...register("password")} type="password" autoComplete="new-password" autoFocus />
        )}
      </FormField>
      <FormField label="New password again" required error={errors.confirmPassword?.message}>
        {(field) => <Input {...field} {...register("confirmPassword")} type="password" autoComplete="new-password" />}
      </FormField>
      {error && <Alert variant="danger">{error}</Alert>}
      <Button type="submit" className="w-full" loading={formState.isSubmitting}>
        Set password
      </Button>
    </form>
  );
}
