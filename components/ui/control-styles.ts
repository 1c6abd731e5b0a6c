/**
 * Shared look of text-like form controls (Input, Textarea, Select) so they line up in forms.
 * Invalid state is driven by aria-invalid, which FormField sets, so styling and semantics cannot drift apart.
 */
export const controlClassName =
  "block w-full rounded-control border border-input bg-surface px-3 text-sm text-foreground shadow-xs transition-colors " +
  "placeholder:text-neutral-500 hover:border-neutral-500 " +
  "focus-visible:border-brand-600 focus-visible:outline-offset-0 " +
  "disabled:cursor-not-allowed disabled:bg-neutral-100 disabled:text-neutral-600 " +
  "aria-invalid:border-danger-700 aria-invalid:focus-visible:outline-danger-700";
