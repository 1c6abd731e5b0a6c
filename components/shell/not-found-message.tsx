import Link from "next/link";

export function NotFoundMessage() {
  return (
    <div className="max-w-md text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold text-foreground">Page not found</h1>
      <p className="mt-2 text-muted-foreground">The page does not exist, or it is not one you can see.</p>
      <Link href="/" className="mt-6 inline-block font-medium text-brand-700 hover:underline">
        Back to your home page
      </Link>
    </div>
  );
}
