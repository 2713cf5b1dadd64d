// The signed-in navigation, derived from the permission table: a role sees a link only
// when it may list what is behind it.
import { may, readsFiguresOnly, type Action, type Resource, type Role } from "./permissions";

/** `figures`: a role that reads only aggregated figures of `resource` gets the page as counts. */
export type NavItem = { href: string; label: string; resource: Resource; action: Action; figures?: true };

/** `label` is a key under `nav` in the message catalog. */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/oversikt", label: "overview", resource: "aggregates", action: "read" },
  { href: "/lagesbild", label: "situation", resource: "situationEntry", action: "list" },
  { href: "/lagesbild/rapporter", label: "situationReports", resource: "situationReport", action: "list" },
  { href: "/natverk", label: "network", resource: "networkMeeting", action: "list" },
  { href: "/atgarder", label: "actionItems", resource: "actionItem", action: "list" },
  { href: "/utbildning", label: "training", resource: "trainingNeed", action: "list" },
  { href: "/kompetensplan", label: "competencePlan", resource: "competencePlan", action: "list" },
  { href: "/insatser", label: "measures", resource: "measure", action: "list" },
  { href: "/uppfoljning", label: "followUp", resource: "followUp", action: "list", figures: true },
  { href: "/samverkan", label: "partners", resource: "partner", action: "list" },
  { href: "/rekommendationer", label: "recommendations", resource: "recommendation", action: "list" },
  { href: "/kontaktlogg", label: "contactLog", resource: "contactLog", action: "list" },
  { href: "/stod-redigering", label: "publicContent", resource: "publicContent", action: "update" },
  { href: "/admin/anvandare", label: "users", resource: "user", action: "list" },
  { href: "/admin/organisation", label: "organisation", resource: "organisation", action: "list" },
  { href: "/admin/logg", label: "audit", resource: "auditEvent", action: "list" },
];

/** Whether `role` may open the page: the records it may list, or their figures only. */
export function mayOpen(role: Role, item: NavItem): boolean {
  return may(role, item.resource, item.action) || (item.figures === true && readsFiguresOnly(role, item.resource));
}

export function navigationFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => mayOpen(role, item));
}
