import { NOT_FOUND, StatusPage } from "@/components/shell/status-page";

export default function NotFound() {
  return <StatusPage {...NOT_FOUND} landmark />;
}
