import Link from "next/link";

export default function Forbidden() {
  return (
    // Rendered inside the portal shell, whose <main> it already is in: a second main landmark would nest.
    <div className="flex min-h-screen items-center justify-center bg-neutral-50 px-4">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-danger-700">403</p>
        <h1 className="mt-2 text-2xl font-semibold text-foreground">You do not have access to this page</h1>
        <p className="mt-2 text-muted-foreground">Your account&rsquo;s role does not allow it. The attempt was recorded.</p>
        <Link href="/" className="mt-6 inline-block font-medium text-brand-700 hover:underline">
          Back to your home page
        </Link>
      </div>
    </div>
  );
}
