import "server-only";
import { authorize } from "@/lib/server/access/authorize";
import { withViewer } from "@/lib/server/access/with-viewer";
import { loadPage, type Paged } from "@/lib/pagination";
import type { Viewer } from "@/lib/access/viewer";
import type { MeetingListQuery } from "@/lib/schemas/network";
import type { MeetingStatus } from "@/lib/server/generated/prisma/enums";

export const MEETING_PAGE_SIZE = 10;

export type MeetingRow = {
  id: string;
  title: string;
  scheduledAt: Date;
  location: string | null;
  videoUrl: string | null;
  status: MeetingStatus;
  decisions: number;
  actionItems: number;
};

/** The network's meetings, the latest first (planned ones in the future lead). */
export async function listMeetings(viewer: Viewer, query: MeetingListQuery): Promise<Paged<MeetingRow>> {
  authorize(viewer, "networkMeeting", "list");
  const where = query.status ? { status: query.status } : {};
  return withViewer(viewer, async (tx) => {
    const found = await loadPage(query.page, MEETING_PAGE_SIZE, {
      count: () => tx.networkMeeting.count({ where }),
      rows: (window) =>
        tx.networkMeeting.findMany({
          where,
          orderBy: [{ scheduledAt: "desc" }, { id: "asc" }],
          ...window,
          select: {
            id: true, title: true, scheduledAt: true, location: true, videoUrl: true, status: true,
            _count: { select: { decisions: true, actionItems: true } },
          },
        }),
    });
    return {
      ...found,
      rows: found.rows.map(({ _count, ...r }) => ({ ...r, decisions: _count.decisions, actionItems: _count.actionItems })),
    };
  });
}
