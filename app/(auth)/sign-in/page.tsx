import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { homePath } from "@/lib/auth/policy";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const { callbackUrl } = await searchParams;
  const actor = await getActor();
  if (actor) redirect(homePath(actor));
  return (
    <main className="flex min-h-screen items-center justify-center bg-neutral-50 px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className="text-sm font-semibold tracking-[0.2em] text-brand-700">CLASSOUND</p>
          <h1 className="mt-2 text-2xl font-semibold text-foreground">Sign in to the partner portal</h1>
        </div>
        <div className="rounded-card border border-neutral-200 bg-surface p-6 shadow-sm">
          <SignInForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined} />
        </div>
      </div>
    </main>
  );
}
