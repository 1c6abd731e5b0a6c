import { Paperclip } from "lucide-react";
import { formatDateTime } from "@/lib/format";
import type { TicketDetail } from "@/lib/tickets/queries";
import { formatBytes } from "@/lib/storage/validate-upload";

/** The conversation, oldest first; portal events (status changes, assignments) in a quieter line. */
export function TicketThread({
  messages,
  authors,
}: {
  messages: TicketDetail["ticket"]["messages"];
  authors: TicketDetail["authors"];
}) {
  return (
    <ol className="space-y-4" aria-label="Messages">
      {messages.map((message) => {
        const author = authors[message.authorId];
        const who = author
          ? `${author.name} (${author.role === "ADMIN" ? "CLASSOUND support" : "partner"})`
          : "Former user";
        if (message.kind === "EVENT") {
          return (
            <li key={message.id} className="text-sm text-muted-foreground">
              {message.body}{" "}
              <span>
                {who} · {formatDateTime(message.createdAt)}
              </span>
            </li>
          );
        }
        const isSupport = author?.role === "ADMIN";
        return (
          <li
            key={message.id}
            className={`rounded-card border p-4 ${isSupport ? "border-brand-200 bg-brand-50" : "border-border bg-surface"}`}
          >
            <p className="text-xs font-medium text-muted-foreground">
              {who} · {formatDateTime(message.createdAt)}
            </p>
            <p className="mt-1 text-sm whitespace-pre-wrap break-words text-foreground">{message.body}</p>
            {message.file && (
              <a
                href={`/api/files/${message.file.id}`}
                className="mt-2 inline-flex items-center gap-1 text-sm font-medium text-brand-700 hover:underline"
              >
                <Paperclip aria-hidden="true" className="size-4" />
                {message.file.fileName}{" "}
                <span className="text-muted-foreground">({formatBytes(message.file.sizeBytes)})</span>
              </a>
            )}
          </li>
        );
      })}
    </ol>
  );
}
