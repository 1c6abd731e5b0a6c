"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import Link from "next/link";
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
// Only someone with the right password gets these (lib/auth/authenticate.ts).
const SECOND_FACTOR_MESSAGES: Record<string, string | null> = {
  second_factor_required: null,
  second_factor_invalid: "This code is not right, or was used already. Type the code your app shows now.",
  second_factor_throttled: "Too many wrong codes. Try again in 15 minutes.",
};

/** `callbackUrl`: the page the user asked for before being sent here (untrusted: checked before use). */
export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [askCode, setAskCode] = useState(false);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<TSignIn>({ resolver: zodResolver(ZSignIn) });

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (result?.error && result.error in SECOND_FACTOR_MESSAGES) {
      setAskCode(true);
      setError(SECOND_FACTOR_MESSAGES[result.error] ?? null);
      return;
    }
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
        {(field) => (
          <Input {...field} {...register("email")} type="email" autoComplete="username" autoFocus readOnly={askCode} />
        )}
      </FormField>
      <FormField label="Password" error={errors.password?.message}>
        {(field) => (
          <Input
            {...field}
            {...register("password")}
            type="password"
            autoComplete="current-password"
            readOnly={askCode}
          />
        )}
      </FormField>
      {askCode && (
        <FormField
          label="Authentication code"
          error={errors.code?.message}
          hint="The six digits your authenticator app shows for CLASSOUND, or one of your recovery codes."
        >
          {(field) => (
            <Input
              {...field}
              {...register("code")}
              autoComplete="one-time-code"
              inputMode="text"
              autoFocus
              spellCheck={false}
            />
          )}
        </FormField>
      )}
      <Button type="submit" className="w-full" loading={isSubmitting}>
        {askCode ? "Verify and sign in" : "Sign in"}
      </Button>
      {!askCode && (
        <p className="text-center text-sm">
          <Link href="/forgot-password" className="font-medium text-brand-700 hover:underline">
            Forgot your password?
          </Link>
        </p>
      )}
    </form>
  );
}
