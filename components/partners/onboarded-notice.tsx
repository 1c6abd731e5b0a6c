"use client";

import { useEffect, useState } from "react";
import { PasswordLink } from "@/components/users/password-link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { forgetIssuedLink, issuedLinkOf } from "./issued-link";

/** Right after onboarding: the partner admin's set-password link, shown this once (it was mailed too). */
export function OnboardedNotice({ partnerId }: { partnerId: string }) {
  // Read while rendering (the page opened by the form, in this tab), forgotten once shown: a reload shows nothing.
  const [issued] = useState(() => issuedLinkOf(partnerId) ?? null);
  useEffect(() => {
    if (issued) forgetIssuedLink(partnerId);
  }, [issued, partnerId]);
  if (!issued) return null;
  return (
    <Card className="mb-6" aria-labelledby="onboarded-title">
      <CardHeader>
        <div>
          <CardTitle id="onboarded-title">Partner onboarded</CardTitle>
          <CardDescription>
            The partner admin chooses a password through this link, then signs in with {issued.email}.
          </CardDescription>
        </div>
      </CardHeader>
      <CardContent>
        <PasswordLink {...issued} />
      </CardContent>
    </Card>
  );
}
