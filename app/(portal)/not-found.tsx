import { NOT_FOUND, StatusPage } from "@/components/shell/status-page";

// notFound() in a portal page renders here, inside the shell's <main>.
export default function PortalNotFound() {
  return <StatusPage {...NOT_FOUND} landmark={false} />;
}
