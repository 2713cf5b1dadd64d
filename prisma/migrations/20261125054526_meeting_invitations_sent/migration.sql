-- AlterTable
ALTER TABLE "NetworkMeeting" ADD COLUMN     "invitationsSent" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "invitationsSentAt" TIMESTAMP(3);
