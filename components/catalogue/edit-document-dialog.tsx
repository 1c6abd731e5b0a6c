"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { updateRequiredDocumentAction } from "@/app/(portal)/admin/countries/actions";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";
import type { RequiredDocumentRow } from "@/lib/catalogue/queries";
import { RequiredDocumentForm } from "./required-document-form";

export function EditDocumentDialog({ document }: { document: RequiredDocumentRow }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { name, description, mandatory, validityMonths, sortOrder } = document;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm" aria-label={`Edit ${name}`}>
          Edit
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Edit “${name}”`}
        description="Applies to requests started from now on. Requests already started keep the name, description and mandatory flag they were started with."
        size="lg"
      >
        <RequiredDocumentForm
          defaultValues={{ name, description, mandatory, validityMonths, sortOrder }}
          submitLabel="Save changes"
          onSubmit={(values) => updateRequiredDocumentAction({ ...values, documentId: document.id })}
          onDone={() => {
            toast({ title: "Document saved", variant: "success" });
            setOpen(false);
            router.refresh();
          }}
          footer={DialogFooter}
          cancel={
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
          }
        />
      </DialogContent>
    </Dialog>
  );
}
