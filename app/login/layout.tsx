import { AreaMessages } from "@/components/i18n/area-messages";

/** The catalog namespaces this area's client components use (lib/i18n/client-messages.ts). */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <AreaMessages area="login">{children}</AreaMessages>;
}
