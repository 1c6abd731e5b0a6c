import type { Metadata } from "next";
import { ResendButton } from "@/components/mail/resend-button";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { TableScrollRegion } from "@/components/ui/table-scroll-region";
import { NewerOlderPager } from "@/components/ui/newer-older-pager";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/session";
import { readRuntimeEnv } from "@/lib/config/runtime";
import { db } from "@/lib/db/client";
import type { OutboxStatus } from "@/lib/db/generated/enums";
import { formatDateTime } from "@/lib/format";
import { parseSearchParams, searchPage, type RawSearchParams } from "@/lib/http/search-params";
import { listOutboxEmails } from "@/lib/mail/queries";
import { z } from "zod";

const ZSearch = z.object({ page: searchPage });

export const metadata: Metadata = { title: "E-mail outbox" };

function Status({
  mail,
  smtp,
}: {
  mail: { status: OutboxStatus; sentAt: Date | null; attempts: number };
  smtp: boolean;
}) {
  if (mail.status === "SENT") return <Badge variant="success">Sent {mail.sentAt && formatDateTime(mail.sentAt)}</Badge>;
  if (mail.status === "FAILED")
    return (
      <Badge variant="danger">
        Failed after {mail.attempts} {mail.attempts === 1 ? "try" : "tries"}
      </Badge>
    );
  if (mail.status === "SENDING") return <Badge variant="info">Sending</Badge>;
  if (!smtp) return <Badge variant="neutral">Not sent</Badge>;
  return (
    <Badge variant={mail.attempts ? "warning" : "info"}>
      {mail.attempts ? `Retrying (${mail.attempts} ${mail.attempts === 1 ? "try" : "tries"})` : "Queued"}
    </Badge>
  );
}

export default async function OutboxPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("audit.view");
  const { page } = parseSearchParams(ZSearch, await searchParams);
  const { emails, total, pageCount } = await listOutboxEmails(db(), actor, page);
  const smtp = !!readRuntimeEnv().SMTP_URL;
  const canResend = can(actor, "jobs.manage");

  return (
    <>
      <PageHeader title="E-mail outbox" description="Every e-mail the portal has written, newest first." />
      {smtp ? (
        <Alert variant="info" className="mb-6">
          SMTP_URL is set: a background worker sends each mail written here, retrying a failed delivery with growing
          pauses. A mail that still fails waits here for you to resend it.
        </Alert>
      ) : (
        <Alert variant="warning" className="mb-6">
          SMTP_URL is not set, so mail is only written here and nobody receives it. Set SMTP_URL to send it.
        </Alert>
      )}
      <TableScrollRegion label="Outgoing e-mails">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Outgoing e-mails</caption>
          <thead className="border-b border-neutral-200 bg-neutral-50 text-xs uppercase tracking-wide text-muted-foreground">
            <tr>
              <th scope="col" className="px-4 py-3 font-medium">
                Created
              </th>
              <th scope="col" className="px-4 py-3 font-medium">
                To
              </th>
              <th scope="col" className="px-4 py-3 font-medium">
                Subject and text
              </th>
              <th scope="col" className="px-4 py-3 font-medium">
                Status
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-neutral-100">
            {emails.map((mail) => (
              <tr key={mail.id} className="align-top">
                <td className="whitespace-nowrap px-4 py-2.5 text-muted-foreground">
                  {formatDateTime(mail.createdAt)}
                </td>
                <td className="px-4 py-2.5">
                  {mail.toName && <span className="block">{mail.toName}</span>}
                  <span className="break-all text-muted-foreground">{mail.to}</span>
                </td>
                <td className="px-4 py-2.5">
                  <details>
                    <summary className="cursor-pointer font-medium text-foreground">{mail.subject}</summary>
                    <pre className="mt-2 max-w-2xl whitespace-pre-wrap break-words rounded-control bg-neutral-50 p-3 font-sans text-sm text-foreground">
                      {mail.text}
                    </pre>
                    {mail.error && <p className="mt-2 text-sm text-danger-700">Last delivery error: {mail.error}</p>}
                  </details>
                </td>
                <td className="px-4 py-2.5">
                  <div className="flex flex-col items-start gap-2">
                    <Status mail={mail} smtp={smtp} />
                    {mail.status === "FAILED" && canResend && (
                      <ResendButton outboxEmailId={mail.id} subject={mail.subject} />
                    )}
                  </div>
                </td>
              </tr>
            ))}
            {emails.length === 0 && (
              <tr>
                <td colSpan={4} className="px-4 py-10 text-center text-muted-foreground">
                  {page > 1 ? "No e-mails on this page." : "No e-mails yet."}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </TableScrollRegion>
      <NewerOlderPager total={total} noun="e-mails" page={page} pageCount={pageCount} />
    </>
  );
}
