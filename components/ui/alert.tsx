import type { ComponentProps, ReactNode } from "react";
import { CircleAlert, CircleCheck, Info, TriangleAlert } from "lucide-react";
import { cn } from "./cn";

const variants = {
  info: { className: "border-info-200 bg-info-50 text-info-800", icon: Info },
  success: { className: "border-success-200 bg-success-50 text-success-800", icon: CircleCheck },
  warning: { className: "border-warning-200 bg-warning-50 text-warning-800", icon: TriangleAlert },
  danger: { className: "border-danger-200 bg-danger-50 text-danger-800", icon: CircleAlert },
} as const;

export type AlertVariant = keyof typeof variants;

type AlertProps = Omit<ComponentProps<"div">, "title"> & {
  variant?: AlertVariant;
  title?: ReactNode;
};

/**
 * Inline message box. Danger alerts use role="alert" so an error that appears after an action
 * is announced; the others are passive page content and get no live role to avoid chatter.
 */
export function Alert({ variant = "info", title, className, children, ...props }: AlertProps) {
  const { className: variantClassName, icon: Icon } = variants[variant];
  return (
    <div
      role={variant === "danger" ? "alert" : undefined}
      className={cn("flex gap-3 rounded-card border px-4 py-3 text-sm", variantClassName, className)}
      {...props}
    >
      <Icon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0 flex-1 space-y-1">
        {title && <p className="font-semibold">{title}</p>}
        {children && <div className="[&_a]:font-medium [&_a]:underline">{children}</div>}
      </div>
    </div>
  );
}
