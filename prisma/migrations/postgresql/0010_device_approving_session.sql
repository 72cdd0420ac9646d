-- AlterTable
ALTER TABLE "DeviceAuthorization" ADD COLUMN     "approvedSession" TEXT;
