import type { Metadata } from "next";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <main className="flex min-h-screen items-center justify-center bg-neutral-50 px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className="text-sm font-semibold tracking-[0.2em] text-brand-700">CLASSOUND</p>
          <h1 className="mt-2 text-2xl font-semibold text-foreground">Forgot your password?</h1>
          <p className="mt-2 text-sm text-muted-foreground">
            We e-mail you a link to choose a new one. Two-factor sign-in, if on, stays on.
          </p>
        </div>
        <div className="rounded-card border border-neutral-200 bg-surface p-6 shadow-sm">
          <ForgotPasswordForm />
        </div>
      </div>
    </main>
  );
}
