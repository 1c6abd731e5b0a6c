"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn, signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { RecoveryCodes } from "@/components/account/recovery-codes";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { ZSecondFactorCode, type TSecondFactorCode } from "@/lib/users/schemas";
import { beginEnrolmentAction, confirmEnrolmentAction } from "./actions";

type Enrolment = { secret: string; uri: string; qrCodeDataUrl: string };

/** Scan, type the first code, save the recovery codes: then this browser is signed in with the second factor. */
export function EnrolSecondFactor({ required }: { required: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const form = useForm<TSecondFactorCode>({ resolver: zodResolver(ZSecondFactorCode), defaultValues: { code: "" } });

  async function start() {
    setError(null);
    setStarting(true);
    const result = await beginEnrolmentAction(undefined);
    setStarting(false);
    if (!result.ok) return setError(result.error);
    setEnrolment(result.data);
  }

  const confirm = form.handleSubmit(async ({ code }) => {
    setError(null);
    const result = await confirmEnrolmentAction({ code });
    if (!result.ok) {
      if (result.fieldErrors?.code) form.setError("code", { message: result.fieldErrors.code[0] });
      else setError(result.error);
      return;
    }
    // The enrolment ended this browser's session (it passed no second factor); the ticket starts one that did.
    const signedIn = await signIn("second-factor-ticket", { ticket: result.data.ticket, redirect: false });
    if (!signedIn || signedIn.error) setError("Two-factor sign-in is on. Sign in again with a code from your app.");
    setRecoveryCodes(result.data.recoveryCodes);
  });

  if (recoveryCodes)
    return (
      <div className="space-y-4">
        <Alert variant="success" title="Two-factor sign-in is on">
          From now on you sign in with your password and a code from your app.
        </Alert>
        {error && <Alert variant="danger">{error}</Alert>}
        <RecoveryCodes codes={recoveryCodes} />
        <Button
          className="w-full"
          onClick={() => {
            router.replace(error ? "/sign-in" : "/");
            router.refresh();
          }}
        >
          I have saved my recovery codes
        </Button>
      </div>
    );

  return (
    <div className="space-y-4">
      {required && !enrolment && (
        <Alert variant="info" title="Required for admins">
          Admin accounts sign in with a password and a code from an authenticator app (such as FreeOTP, Google
          Authenticator or 1Password). Set it up to continue.
        </Alert>
      )}
      {error && <Alert variant="danger">{error}</Alert>}
      {!enrolment ? (
        <Button className="w-full" loading={starting} onClick={start}>
          Set up two-factor sign-in
        </Button>
      ) : (
        <form onSubmit={confirm} noValidate className="space-y-4">
          <p className="text-sm">1. Scan this code with your authenticator app.</p>
          {/* eslint-disable-next-line @next/next/no-img-element -- a data URL made on the server; nothing to optimise */}
          <img
            src={enrolment.qrCodeDataUrl}
            alt="QR code to add CLASSOUND to your authenticator app"
            width={192}
            height={192}
            className="mx-auto"
          />
          <p className="text-sm text-muted-foreground">
            Or type this key into the app:{" "}
            <code aria-label="Setup key" className="break-all font-mono text-foreground">
              {enrolment.secret.replace(/(.{4})/g, "$1 ").trim()}
            </code>
          </p>
          <FormField label="2. Code from the app" error={form.formState.errors.code?.message}>
            {(field) => (
              <Input {...field} {...form.register("code")} autoComplete="one-time-code" inputMode="numeric" autoFocus />
            )}
          </FormField>
          <Button type="submit" className="w-full" loading={form.formState.isSubmitting}>
            Turn on two-factor sign-in
          </Button>
        </form>
      )}
      <Button variant="ghost" className="w-full" onClick={() => signOut({ callbackUrl: "/sign-in" })}>
        Sign out
      </Button>
    </div>
  );
}
