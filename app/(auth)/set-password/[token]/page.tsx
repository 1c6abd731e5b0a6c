import type { Metadata } from "next";
import Link from "next/link";
import { SetPasswordForm } from "@/components/users/set-password-form";
import { Alert } from "@/components/ui/alert";
import { db } from "@/lib/db/client";
import { unsafeLoadPasswordLink } from "@/lib/users/password-links";

// The token is in the URL: never send it to another site as a Referer.
export const metadata: Metadata = { title: "Choose your password", referrer: "no-referrer", robots: { index: false } };

export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await unsafeLoadPasswordLink(db(), token);
  return (
    <main className="flex min-h-screen items-center justify-center bg-neutral-50 px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className="text-sm font-semibold tracking-[0.2em] text-brand-700">CLASSOUND</p>
          <h1 className="mt-2 text-2xl font-semibold text-foreground">Choose your password</h1>
          {link && <p className="mt-2 text-sm text-muted-foreground">for {link.email}</p>}
        </div>
        <div className="rounded-card border border-neutral-200 bg-surface p-6 shadow-sm">
          {link ? (
            <SetPasswordForm token={token} email={link.email} />
          ) : (
            <div className="space-y-4">
              <Alert variant="danger" title="This link cannot be used">
                It is invalid, has expired or has already been used. Ask for a new one below, or ask your administrator.
              </Alert>
              <Link href="/forgot-password" className="block text-sm font-medium text-brand-700 hover:underline">
                Forgot your password?
              </Link>
              <Link href="/sign-in" className="text-sm font-medium text-brand-700 hover:underline">
                Go to sign-in
              </Link>
            </div>
          )}
        </div>
      </div>
    </main>
  );
}
