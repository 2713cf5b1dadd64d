import "server-only";
import { authorize } from "@/lib/server/access/authorize";
import { asViewer } from "./as-viewer";
import { paginate, type Paged } from "@/lib/pagination";
import type { Role } from "@/lib/access/permissions";
import type { Viewer } from "@/lib/access/viewer";

export const USERS_PAGE_SIZE = 25;

export type UserListItem = {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  lastLoginAt: Date | null;
  divisions: string[];
};

const collator = new Intl.Collator("sv", { sensitivity: "base" });

/**
 * One page of users, in Swedish order (å, ä, ö last). A municipality has hundreds of users,
 * not millions: sorting in the app with the Swedish collation is exact on every database,
 * where ORDER BY depends on the collations the server happens to have.
 */
export async function listUsers(viewer: Viewer, query: { q: string; page: number }): Promise<Paged<UserListItem>> {
  authorize(viewer, "user", "list");
  const q = query.q.trim();
  const rows = await asViewer(viewer, (tx) => tx.user.findMany({
    where: q
      ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { email: { contains: q, mode: "insensitive" } }] }
      : {},
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      lastLoginAt: true,
      divisions: { select: { division: { select: { name: true } } } },
    },
  }));
  rows.sort((a, b) => collator.compare(a.name, b.name) || a.email.localeCompare(b.email));
  const { page, pages, skip, take } = paginate(rows.length, query.page, USERS_PAGE_SIZE);
  const pageRows: UserListItem[] = rows.slice(skip, skip + take).map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    active: u.active,
    lastLoginAt: u.lastLoginAt,
    divisions: u.divisions.map((d) => d.division.name).sort(collator.compare),
  }));
  return { rows: pageRows, total: rows.length, page, pages };
}
