/** The partner admin's one-time link, as the onboarding returned it to the admin who onboarded the partner. */
export interface IssuedLink {
  email: string;
  link: string;
  expiresAt: Date;
}

// Kept in this tab's memory only, from the form to the partner page it opens: a credential does not
// belong in a URL, the browser's history or its storage. A reload (or another tab) finds nothing:
// the link is shown once, and the mail carries it.
const issued = new Map<string, IssuedLink>();

export function keepIssuedLink(partnerId: string, link: IssuedLink) {
  issued.set(partnerId, link);
}

export function issuedLinkOf(partnerId: string): IssuedLink | undefined {
  return issued.get(partnerId);
}

export function forgetIssuedLink(partnerId: string) {
  issued.delete(partnerId);
}
