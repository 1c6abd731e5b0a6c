import { StatusPage } from "@/components/shell/status-page";

// forbidden() is only called inside the portal shell, whose <main> this already is in.
export default function Forbidden() {
  return (
    <StatusPage
      code="403"
      title="You do not have access to this page"
      message="Your account’s role does not allow it. The attempt was recorded."
      tone="danger"
      landmark={false}
    />
  );
}
