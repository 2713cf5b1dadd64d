import { getViewer } from "@/lib/server/auth/viewer";
import { getMeetingInvitation } from "@/lib/server/network/meeting-invitation";
import { AccessDeniedError, NotFoundError } from "@/lib/server/errors";
import { idParams } from "@/lib/schemas/params";
import { downloadResponse } from "@/lib/server/documents/download";

/** A meeting's calendar invitation (.ics), for whoever reads the network's meetings. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer();
  if (!viewer) return new Response("Inte inloggad", { status: 401 });
  const parsed = idParams.safeParse(await params);
  if (!parsed.success) return new Response("Mötet finns inte", { status: 404 });
  try {
    const invitation = await getMeetingInvitation(viewer, parsed.data.id);
    return downloadResponse(invitation.body, { filename: invitation.filename, kind: "ics" });
  } catch (error) {
    if (error instanceof AccessDeniedError) return new Response("Åtkomst nekad", { status: 403 });
    if (error instanceof NotFoundError) return new Response("Mötet finns inte", { status: 404 });
    throw error;
  }
}
