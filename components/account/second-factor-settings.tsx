"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { renewRecoveryCodesAction, turnOffSecondFactorAction } from "@/app/(portal)/account/actions";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClassName } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { formatDateTime } from "@/lib/format";
import { ZSecondFactorCode, type TSecondFactorCode } from "@/lib/users/schemas";
import { RecoveryCodes } from "./recovery-codes";

interface Status {
  enabledAt: Date | null;
  recoveryCodesLeft: number;
  required: boolean;
}

/** The account page's two-factor part: on or off, recovery codes left, and what can be done about it. */
export function SecondFactorSettings({ status }: { status: Status }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [newCodes, setNewCodes] = useState<string[] | null>(null);
  const form = useForm<TSecondFactorCode>({ resolver: zodResolver(ZSecondFactorCode), defaultValues: { code: "" } });

  if (!status.enabledAt)
    return (
      <div className="max-w-md space-y-4">
        <p className="text-sm">
          Two-factor sign-in is off. With it on, signing in also asks for a code from an app on your phone, so a stolen
          password alone does not open your account.
        </p>
        <Link href="/two-factor" className={buttonClassName("secondary")}>
          Turn on two-factor sign-in
        </Link>
      </div>
    );

  const run = (which: "renew" | "off") =>
    form.handleSubmit(async (values) => {
      setError(null);
      const result =
        which === "renew" ? await renewRecoveryCodesAction(values) : await turnOffSecondFactorAction(values);
      if (!result.ok) {
        if (result.fieldErrors?.code) form.setError("code", { message: result.fieldErrors.code[0] });
        else setError(result.error);
        return;
      }
      form.reset();
      if (result.data) setNewCodes(result.data);
      router.refresh();
    });

  return (
    <div className="max-w-md space-y-4">
      <p className="text-sm">
        Two-factor sign-in is on since {formatDateTime(status.enabledAt)}. Recovery codes left:{" "}
        {status.recoveryCodesLeft}.
      </p>
      {newCodes && <RecoveryCodes codes={newCodes} />}
      {error && <Alert variant="danger">{error}</Alert>}
      <form noValidate className="space-y-4" onSubmit={run("renew")}>
        <FormField
          label="Code from your app"
          error={form.formState.errors.code?.message}
          hint={
            status.required
              ? "To get new recovery codes (the old ones stop working). Admins keep two-factor sign-in on."
              : "To get new recovery codes (the old ones stop working), or to turn two-factor sign-in off."
          }
        >
          {(field) => <Input {...field} {...form.register("code")} autoComplete="one-time-code" />}
        </FormField>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant="secondary" loading={form.formState.isSubmitting}>
            New recovery codes
          </Button>
          {!status.required && (
            <Button type="button" variant="danger" onClick={run("off")}>
              Turn off two-factor sign-in
            </Button>
          )}
        </div>
      </form>
    </div>
  );
}
