import type { Role } from "@/lib/db/generated/enums";
import { formatDateTime } from "@/lib/format";

interface TimelineEvent {
  id: bigint;
  actorId: string | null;
  message: string;
  createdAt: Date;
}

/** A request's timeline (activation or porting): each step, who took it and when. */
export function ActivationTimeline({
  events,
  actors,
}: {
  events: TimelineEvent[];
  actors: Record<string, { name: string; role: Role }>;
}) {
  return (
    <ol className="space-y-4 border-l border-neutral-200 pl-5">
      {events.map((event) => {
        const who = event.actorId ? actors[event.actorId] : undefined;
        return (
          <li key={event.id.toString()} className="relative">
            <span
              aria-hidden
              className="absolute -left-[25px] top-1.5 size-2.5 rounded-full bg-brand-600 ring-4 ring-surface"
            />
            <p className="text-sm text-foreground">{event.message}</p>
            <p className="text-xs text-muted-foreground">
              {who ? `${who.name} (${who.role === "ADMIN" ? "CLASSOUND" : "partner"})` : "System"} ·{" "}
              {formatDateTime(event.createdAt)}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
