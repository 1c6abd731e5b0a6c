export { cn } from "./cn";
export { Alert, type AlertVariant } from "./alert";
export { Badge, type BadgeVariant } from "./badge";
export { Button, buttonClassName, type ButtonProps, type ButtonSize, type ButtonVariant } from "./button";
export { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "./card";
export { Checkbox } from "./checkbox";
export { DataTable, type Column, type DataTableProps, type DataTableSort, type SortDirection } from "./data-table";
export {
  ConfirmDialog,
  Dialog,
  DialogClose,
  DialogContent,
  DialogFooter,
  DialogTrigger,
  TriggeredDialog,
} from "./dialog";
export { EmptyState, type EmptyStateProps } from "./empty-state";
export { FieldMessages, FormField, useFieldIds, type FieldControlProps } from "./form-field";
export { Input } from "./input";
export { PageHeader, type Breadcrumb } from "./page-header";
export { Select } from "./select";
export { Skeleton } from "./skeleton";
export { Spinner } from "./spinner";
export { Textarea } from "./textarea";
export { dismissToast, toast, Toaster, useToast, type ToastOptions, type ToastVariant } from "./toast";
