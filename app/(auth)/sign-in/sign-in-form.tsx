"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { ZSignIn, type TSignIn } from "@/lib/auth/schemas";
import { safeCallbackPath } from "./callback-url";

// One message for every refusal: it must not reveal whether the account exists or is locked.
const REFUSED = "The e-mail address or password is incorrect, or too many attempts were made. Try again later.";

/** `callbackUrl`: the page the user asked for before being sent here (untrusted: checked before use). */
export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<TSignIn>({ resolver: zodResolver(ZSignIn) });

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      setError(REFUSED);
      return;
    }
    router.replace(safeCallbackPath(callbackUrl, window.location.origin) ?? "/");
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {error && <Alert variant="danger">{error}</Alert>}
      <FormField label="E-mail" error={errors.email?.message}>
        {(field) => <Input {...field} {...register("email")} type="email" autoComplete="username" autoFocus />}
      </FormField>
      <FormField label="Password" error={errors.password?.message}>
        {(field) => <Input {...field} {...register("password")} type="password" autoComplete="current-password" />}
      </FormField>
      <Button type="submit" className="w-full" loading={isSubmitting}>
        Sign in
      </Button>
    </form>
  );
}
