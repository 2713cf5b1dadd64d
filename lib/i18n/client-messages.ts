// What the browser needs of the catalogs: only the texts client components render themselves
// (forms, their errors, the error page) — and only on the pages that have those components.
// The root layout sends the few namespaces every page's client code may use; each area's
// layout (components/i18n/area-messages.tsx) adds its own. Sending every namespace to every
// page made each signed-in page ~70 KB heavier and its rendering slower (issue 12, part 3).
// tests/unit/client-messages.test.ts checks that each area lists every namespace its client
// components and the schemas they import use.
import type { AbstractIntlMessages } from "next-intl";

/** On every page: the error page, the form kit's messages, role names. */
export const GLOBAL_CLIENT_NAMESPACES = ["errors", "validation", "actionErrors", "roles"] as const;

/** Per route folder (the first one under app/ or app/(app)/): the namespaces its client components use. */
export const AREA_CLIENT_NAMESPACES = {
  admin: ["users", "organisation", "followUp"],
  atgarder: ["network"],
  insatser: ["measures"],
  kompetensplan: ["training"],
  kontaktlogg: ["contactLog", "situation"],
  konto: ["password", "users"],
  lagesbild: ["entries", "reports", "situation"],
  login: ["auth"],
  losenord: ["password", "users"],
  natverk: ["network"],
  rekommendationer: ["recommendations"],
  samverkan: ["network"],
  "stod-redigering": ["public.editor", "public.validation", "public.errors"],
  uppfoljning: ["followUp", "evaluation", "measures"],
  utbildning: ["training"],
} as const satisfies Record<string, readonly string[]>;

export type ClientArea = keyof typeof AREA_CLIENT_NAMESPACES;

/** The subtree at a dotted path ("public.editor"), or undefined. */
function at(messages: AbstractIntlMessages, path: string): AbstractIntlMessages | string | undefined {
  let node: AbstractIntlMessages | string | undefined = messages;
  for (const part of path.split(".")) node = typeof node === "object" && node !== null ? (node[part] as AbstractIntlMessages | string | undefined) : undefined;
  return node;
}

/** Copies the subtree at `path` into `into`, keeping its place in the tree. */
function put(into: AbstractIntlMessages, path: string, value: AbstractIntlMessages | string) {
  const parts = path.split(".");
  let node = into;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as AbstractIntlMessages;
  node[parts.at(-1)!] = value;
}

/** The global namespaces, plus an area's own when given. */
export function clientMessages(messages: AbstractIntlMessages, area?: ClientArea): AbstractIntlMessages {
  const picked: AbstractIntlMessages = {};
  for (const path of [...GLOBAL_CLIENT_NAMESPACES, ...(area ? AREA_CLIENT_NAMESPACES[area] : [])]) {
    const value = at(messages, path);
    if (value !== undefined) put(picked, path, value);
  }
  return picked;
}
