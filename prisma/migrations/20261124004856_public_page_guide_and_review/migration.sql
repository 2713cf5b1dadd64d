-- AlterTable
ALTER TABLE "PublicContact" ADD COLUMN     "reviewNote" TEXT;

-- AlterTable
ALTER TABLE "PublicContent" ADD COLUMN     "guide" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "intro" TEXT NOT NULL DEFAULT '';
