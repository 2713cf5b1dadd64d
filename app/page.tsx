import { redirect } from "next/navigation";
import { getViewer } from "@/lib/server/auth/viewer";
import { navigationFor } from "@/lib/access/navigation";

export default async function Home() {
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  redirect(navigationFor(viewer.role)[0]?.href ?? "/login");
}
