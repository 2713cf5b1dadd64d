-- AlterTable
ALTER TABLE "ActionItem" ADD COLUMN     "comment" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "decisionId" UUID;

-- AlterTable
ALTER TABLE "NetworkMeeting" ADD COLUMN     "cancelReason" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "durationMinutes" INTEGER NOT NULL DEFAULT 90,
ADD COLUMN     "videoUrl" TEXT;

-- AlterTable
ALTER TABLE "PartnerContact" ADD COLUMN     "lastVerifiedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "ActionItem_meetingId_idx" ON "ActionItem"("meetingId");

-- CreateIndex
CREATE INDEX "ActionItem_ownerId_status_idx" ON "ActionItem"("ownerId", "status");

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "MeetingDecision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ═══════════════════════════ Hand-written: the network's walls (issue 9) ═══════════════════════════
-- Mirrors lib/access/permissions.ts and the actionItem scope builder (lib/server/access/scope.ts).

-- A network meeting's action items are read by everyone in the network ("everyone in the
-- network sees the meeting's items"); changing one stays with its own division, as before.
DROP POLICY action_item_select ON "ActionItem";
CREATE POLICY action_item_select ON "ActionItem" FOR SELECT TO varna_app
  USING (varna_is('{COORDINATOR}') OR varna_own('{DIVISION_HEAD,NETWORK_MEMBER}', "divisionId")
         OR (("divisionId" IS NULL OR "meetingId" IS NOT NULL) AND varna_is('{NETWORK_MEMBER}')));

-- Meetings, their attendance and decisions: the coordinator writes; the network reads
-- (networkMeeting: COORDINATOR manage, NETWORK_MEMBER list/read).
ALTER TABLE "NetworkMeeting" ENABLE ROW LEVEL SECURITY;
CREATE POLICY network_meeting_select ON "NetworkMeeting" FOR SELECT TO varna_app
  USING (varna_is('{COORDINATOR,NETWORK_MEMBER}'));
CREATE POLICY network_meeting_write ON "NetworkMeeting" FOR ALL TO varna_app
  USING (varna_is('{COORDINATOR}')) WITH CHECK (varna_is('{COORDINATOR}'));

ALTER TABLE "MeetingAttendance" ENABLE ROW LEVEL SECURITY;
CREATE POLICY meeting_attendance_select ON "MeetingAttendance" FOR SELECT TO varna_app
  USING (varna_is('{COORDINATOR,NETWORK_MEMBER}'));
CREATE POLICY meeting_attendance_write ON "MeetingAttendance" FOR ALL TO varna_app
  USING (varna_is('{COORDINATOR}')) WITH CHECK (varna_is('{COORDINATOR}'));

ALTER TABLE "MeetingDecision" ENABLE ROW LEVEL SECURITY;
CREATE POLICY meeting_decision_select ON "MeetingDecision" FOR SELECT TO varna_app
  USING (varna_is('{COORDINATOR,NETWORK_MEMBER}'));
CREATE POLICY meeting_decision_write ON "MeetingDecision" FOR ALL TO varna_app
  USING (varna_is('{COORDINATOR}')) WITH CHECK (varna_is('{COORDINATOR}'));

-- Partners and their contacts: the coordinator edits; divisions and members read
-- (partner: COORDINATOR manage, DIVISION_HEAD and NETWORK_MEMBER list/read).
ALTER TABLE "Partner" ENABLE ROW LEVEL SECURITY;
CREATE POLICY partner_select ON "Partner" FOR SELECT TO varna_app
  USING (varna_is('{COORDINATOR,DIVISION_HEAD,NETWORK_MEMBER}'));
CREATE POLICY partner_write ON "Partner" FOR ALL TO varna_app
  USING (varna_is('{COORDINATOR}')) WITH CHECK (varna_is('{COORDINATOR}'));

ALTER TABLE "PartnerContact" ENABLE ROW LEVEL SECURITY;
CREATE POLICY partner_contact_select ON "PartnerContact" FOR SELECT TO varna_app
  USING (varna_is('{COORDINATOR,DIVISION_HEAD,NETWORK_MEMBER}'));
CREATE POLICY partner_contact_write ON "PartnerContact" FOR ALL TO varna_app
  USING (varna_is('{COORDINATOR}')) WITH CHECK (varna_is('{COORDINATOR}'));
