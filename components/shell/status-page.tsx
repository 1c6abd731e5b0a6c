import Link from "next/link";

/**
 * The 403 and 404 pages. Inside the portal shell they are already in its <main>, so they render a
 * plain container there (a second, nested main landmark confuses screen readers); on their own (an
 * unknown URL outside the portal) they are the page's main.
 */
export function StatusPage({
  code,
  title,
  message,
  tone,
  landmark,
}: {
  code: string;
  title: string;
  message: string;
  tone: "brand" | "danger";
  landmark: boolean;
}) {
  const Container = landmark ? "main" : "div";
  return (
    <Container className="flex min-h-[60vh] items-center justify-center px-4">
      <div className="max-w-md text-center">
        <p
          className={
            tone === "danger" ? "text-sm font-semibold text-danger-700" : "text-sm font-semibold text-brand-700"
          }
        >
          {code}
        </p>
        <h1 className="mt-2 text-2xl font-semibold text-foreground">{title}</h1>
        <p className="mt-2 text-muted-foreground">{message}</p>
        <Link href="/" className="mt-6 inline-block font-medium text-brand-700 hover:underline">
          Back to your home page
        </Link>
      </div>
    </Container>
  );
}

export const NOT_FOUND = {
  code: "404",
  title: "Page not found",
  message: "The page does not exist, or it is not one you can see.",
  tone: "brand",
} as const;
