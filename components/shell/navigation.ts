import type { Actor } from "@/lib/auth/actor";
import { can, type Permission } from "@/lib/auth/policy";

export interface NavItem {
  href: string;
  label: string;
  permission: Permission;
}

// The sidebar, filtered by the policy: a link shows only when its page would let the user in.
const NAV_ITEMS: NavItem[] = [
  { href: "/admin", label: "Dashboard", permission: "admin.area" },
  { href: "/partner", label: "Dashboard", permission: "partner.area" },
  { href: "/customer", label: "Overview", permission: "customer.area" },
  { href: "/admin/partners", label: "Partners", permission: "partners.manage" },
  { href: "/admin/invoices", label: "Invoices", permission: "invoices.manage" },
  { href: "/admin/activations", label: "Activation queue", permission: "activation.review" },
  { href: "/activations", label: "Activations", permission: "activation.request" },
  { href: "/customers", label: "Customers", permission: "compliance.view" },
  { href: "/pbxs", label: "PBXs", permission: "pbx.view" },
  { href: "/statistics", label: "Statistics", permission: "statistics.view" },
  { href: "/billing", label: "Billing", permission: "resale.manage" },
  { href: "/billing/rebilling", label: "Re-billing", permission: "resale.manage" },
  { href: "/billing/resale-prices", label: "Resale prices", permission: "resale.manage" },
  { href: "/customer/month", label: "Charges this month", permission: "customer.area" },
  { href: "/numbers", label: "Numbers", permission: "numbers.view" },
  { href: "/admin/numbers", label: "Number inventory", permission: "numbers.manage_inventory" },
  { href: "/admin/emergency", label: "Emergency registration", permission: "emergency.register" },
  { href: "/emergency", label: "Emergency locations", permission: "emergency.edit" },
  { href: "/admin/countries", label: "Countries", permission: "catalogue.manage" },
  { href: "/admin/price-lists", label: "Price-list versions", permission: "pricelist.manage" },
  { href: "/notifications", label: "Notifications", permission: "notifications.view" },
  { href: "/admin/outbox", label: "E-mail outbox", permission: "audit.view" },
  { href: "/admin/cdr-imports", label: "CDR imports", permission: "cdr.import" },
  { href: "/admin/jobs", label: "Background jobs", permission: "jobs.manage" },
  { href: "/admin/audit", label: "Audit log", permission: "audit.view" },
  { href: "/users", label: "Users", permission: "users.manage" },
  { href: "/api-keys", label: "API keys", permission: "api_keys.manage" },
  { href: "/webhooks", label: "Webhooks", permission: "webhooks.manage" },
  { href: "/account", label: "My account", permission: "account.manage" },
  { href: "/admin/tickets", label: "Ticket queue", permission: "tickets.handle" },
  { href: "/tickets", label: "Support tickets", permission: "tickets.use" },
  { href: "/sms", label: "SMS sender names", permission: "sms.view" },
  { href: "/admin/porting", label: "Porting queue", permission: "porting.handle" },
  { href: "/porting", label: "Number porting", permission: "porting.request" },
  { href: "/settings", label: "Mail settings", permission: "notifications.view" },
];

export function navigationFor(actor: Actor): NavItem[] {
  return NAV_ITEMS.filter((item) => can(actor, item.permission));
}
