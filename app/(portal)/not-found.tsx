import { NotFoundMessage } from "@/components/shell/not-found-message";

// A record of another tenant (or none) inside the portal: the shell's <main> already holds this, so no second one.
export default function PortalNotFound() {
  return (
    <div className="flex min-h-[50vh] items-center justify-center px-4">
      <NotFoundMessage />
    </div>
  );
}
