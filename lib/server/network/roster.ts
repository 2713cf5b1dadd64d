import "server-only";
import { authorize } from "@/lib/server/access/authorize";
import { withViewer } from "@/lib/server/access/with-viewer";
import type { Viewer } from "@/lib/access/viewer";
import { RESPONSIBILITIES } from "@/lib/schemas/network";
import type { NetworkResponsibility } from "@/lib/server/generated/prisma/enums";

export type RosterMember = {
  id: string;
  version: number;
  userId: string;
  name: string;
  email: string;
  division: string;
  divisionId: string;
  responsibilities: NetworkResponsibility[];
};

export type Roster = {
  members: RosterMember[];
  /** Who carries each responsibility; an empty list is a gap. */
  coverage: { responsibility: NetworkResponsibility; members: string[] }[];
  gaps: NetworkResponsibility[];
};

/**
 * The VBE network's roster (plan section 2): the active members, who carries each of the four
 * responsibilities, and which one nobody carries. Read by whoever reads the network's meetings
 * (the roster's policies mirror networkMeeting, decision 011).
 */
export async function getRoster(viewer: Viewer): Promise<Roster> {
  authorize(viewer, "networkMeeting", "list");
  const rows = await withViewer(viewer, (tx) =>
    tx.networkMembership.findMany({
      where: { active: true, user: { active: true } },
      select: {
        id: true, version: true, userId: true, divisionId: true, responsibilities: true,
        user: { select: { name: true, email: true } },
        division: { select: { name: true } },
      },
    }));
  const members = rows
    .map((r) => ({
      id: r.id, version: r.version, userId: r.userId, name: r.user.name, email: r.user.email,
      division: r.division.name, divisionId: r.divisionId, responsibilities: r.responsibilities,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "sv") || a.division.localeCompare(b.division, "sv"));
  const coverage = RESPONSIBILITIES.map((responsibility) => ({
    responsibility,
    members: members.filter((m) => m.responsibilities.includes(responsibility)).map((m) => `${m.name} (${m.division})`),
  }));
  return { members, coverage, gaps: coverage.filter((c) => c.members.length === 0).map((c) => c.responsibility) };
}

export type MemberCandidate = { userId: string; name: string; divisions: { id: string; name: string }[] };

/**
 * Who may join the network: active users of the network's roles, with the divisions they
 * belong to (a member represents one of their own divisions, so they see its action items).
 */
export async function listMemberCandidates(viewer: Viewer): Promise<MemberCandidate[]> {
  authorize(viewer, "networkMeeting", "create");
  const users = await withViewer(viewer, (tx) =>
    tx.user.findMany({
      where: { active: true, role: { in: ["NETWORK_MEMBER", "COORDINATOR"] }, divisions: { some: {} } },
      select: { id: true, name: true, divisions: { select: { division: { select: { id: true, name: true } } } } },
    }));
  return users
    .map((u) => ({ userId: u.id, name: u.name, divisions: u.divisions.map((d) => d.division).sort((a, b) => a.name.localeCompare(b.name, "sv")) }))
    .sort((a, b) => a.name.localeCompare(b.name, "sv"));
}
