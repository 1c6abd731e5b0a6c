"use client";

import { useRouter } from "next/navigation";
import { createRequiredDocumentAction } from "@/app/(portal)/admin/countries/actions";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { toast } from "@/components/ui/toast";
import { EMPTY_DOCUMENT, RequiredDocumentForm } from "./required-document-form";

export function AddDocumentCard({
  countryCode,
  countryName,
  nextPosition,
}: {
  countryCode: string;
  countryName: string;
  nextPosition: number;
}) {
  const router = useRouter();
  return (
    <Card aria-labelledby="add-document-heading">
      <CardHeader>
        <div>
          <CardTitle id="add-document-heading">Add a required document</CardTitle>
          <CardDescription>
            Asked for in every request for {countryName} started from now on. Upload its template once it is added.
          </CardDescription>
        </div>
      </CardHeader>
      <CardContent>
        <RequiredDocumentForm
          defaultValues={{ ...EMPTY_DOCUMENT, sortOrder: nextPosition }}
          submitLabel="Add document"
          onSubmit={(values) => createRequiredDocumentAction({ ...values, countryCode })}
          onDone={(reset) => {
            toast({ title: "Document added", variant: "success" });
            reset({ ...EMPTY_DOCUMENT, sortOrder: nextPosition + 1 });
            router.refresh();
          }}
        />
      </CardContent>
    </Card>
  );
}
