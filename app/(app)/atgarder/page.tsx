import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { SectionPlaceholder } from "@/components/layout/section-placeholder";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages"))("actionItems.title") };
}

export default async function Page() {
  await requireViewer("actionItem", "list");
  return <SectionPlaceholder section="actionItems" />;
}
