"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { ZForgotPassword, type TForgotPassword } from "@/lib/users/schemas";
import { forgotPasswordAction } from "./actions";

export function ForgotPasswordForm() {
  const [error, setError] = useState<string | null>(null);
  const [answer, setAnswer] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError: setFieldError,
    formState: { errors, isSubmitting },
  } = useForm<TForgotPassword>({ resolver: zodResolver(ZForgotPassword), defaultValues: { email: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    const result = await forgotPasswordAction(values);
    if (!result.ok) {
      if (result.fieldErrors?.email) setFieldError("email", { message: result.fieldErrors.email[0] });
      setError(result.error);
      return;
    }
    setAnswer(result.data);
  });

  const back = (
    <Link href="/sign-in" className="text-sm font-medium text-brand-700 hover:underline">
      Back to sign-in
    </Link>
  );
  if (answer)
    return (
      <div className="space-y-4">
        <Alert variant="success" title="Check your mail">
          {answer}
        </Alert>
        {back}
      </div>
    );
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {error && <Alert variant="danger">{error}</Alert>}
      <FormField label="E-mail" error={errors.email?.message}>
        {(field) => <Input {...field} {...register("email")} type="email" autoComplete="username" autoFocus />}
      </FormField>
      <Button type="submit" className="w-full" loading={isSubmitting}>
        Send me a link
      </Button>
      <p className="text-center">{back}</p>
    </form>
  );
}
