"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { disableUserAction, enableUserAction, sendPasswordLinkAction } from "@/app/(portal)/users/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";
import type { UserFormOptions, UserRow } from "@/lib/users/queries";
import { ChangeAccessDialog } from "./change-access-dialog";
import { PasswordLink } from "./password-link";

async function run<T>(result: Promise<{ ok: true; data: T } | { ok: false; error: string }>) {
  const settled = await result;
  // ConfirmDialog shows a thrown error's message and stays open.
  if (!settled.ok) throw new Error(settled.error);
  return settled.data;
}

export function UserActions({ user, options, isSelf }: { user: UserRow; options: UserFormOptions; isSelf: boolean }) {
  const router = useRouter();
  const [issued, setIssued] = useState<{ link: string; expiresAt: Date } | null>(null);
  if (isSelf) return <span className="text-sm text-muted-foreground">You</span>;
  return (
    <div className="flex flex-wrap gap-2">
      <ChangeAccessDialog user={user} options={options} />
      {user.disabledAt ? (
        <ConfirmDialog
          title={`Enable ${user.name}?`}
          description="They can sign in again with their password."
          confirmLabel="Enable"
          onConfirm={async () => {
            await run(enableUserAction({ userId: user.id }));
            toast({ title: `${user.name} enabled`, variant: "success" });
            router.refresh();
          }}
          trigger={
            <Button variant="secondary" size="sm" aria-label={`Enable ${user.name}`}>
              Enable
            </Button>
          }
        />
      ) : (
        <>
          <ConfirmDialog
            title={`Send ${user.name} a new password link?`}
            description="Earlier links stop working. Their current password keeps working until they choose a new one."
            confirmLabel="Send link"
            onConfirm={async () => {
              const data = await run(sendPasswordLinkAction({ userId: user.id }));
              setIssued({ link: data.link, expiresAt: new Date(data.expiresAt) });
            }}
            trigger={
              <Button variant="secondary" size="sm" aria-label={`Send ${user.name} a password link`}>
                Password link
              </Button>
            }
          />
          <ConfirmDialog
            title={`Disable ${user.name}?`}
            description="They cannot sign in any more, and a session they have open stops working within a minute. You can enable them again later."
            confirmLabel="Disable"
            variant="danger"
            onConfirm={async () => {
              await run(disableUserAction({ userId: user.id }));
              toast({ title: `${user.name} disabled`, variant: "success" });
              router.refresh();
            }}
            trigger={
              <Button variant="ghost" size="sm" className="text-danger-700" aria-label={`Disable ${user.name}`}>
                Disable
              </Button>
            }
          />
        </>
      )}
      <Dialog open={issued !== null} onOpenChange={(open) => !open && setIssued(null)}>
        <DialogContent title={`Password link for ${user.name}`}>
          {issued && <PasswordLink email={user.email} {...issued} />}
          <DialogFooter>
            <Button onClick={() => setIssued(null)}>Done</Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}
