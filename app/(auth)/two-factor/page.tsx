import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { secondFactorStatus } from "@/lib/auth/enrolment";
import { enrollingActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { EnrolSecondFactor } from "./enrol-second-factor";

export const metadata: Metadata = { title: "Two-factor sign-in", robots: { index: false } };

export default async function TwoFactorPage() {
  const actor = await enrollingActor();
  if (!actor) redirect("/sign-in");
  const status = await secondFactorStatus(db(), actor);
  return (
    <main className="flex min-h-screen items-center justify-center bg-neutral-50 px-4 py-8">
      <div className="w-full max-w-md">
        <div className="mb-8 text-center">
          <p className="text-sm font-semibold tracking-[0.2em] text-brand-700">CLASSOUND</p>
          <h1 className="mt-2 text-2xl font-semibold text-foreground">Two-factor sign-in</h1>
          <p className="mt-2 text-sm text-muted-foreground">for {actor.email}</p>
        </div>
        <div className="rounded-card border border-neutral-200 bg-surface p-6 shadow-sm">
          {status.enabledAt ? (
            <div className="space-y-4">
              <Alert variant="success" title="Two-factor sign-in is on">
                Manage it on your account page.
              </Alert>
              <Link href="/account" className="text-sm font-medium text-brand-700 hover:underline">
                Go to my account
              </Link>
            </div>
          ) : (
            <EnrolSecondFactor required={status.required} />
          )}
        </div>
      </div>
    </main>
  );
}
