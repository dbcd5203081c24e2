-- AlterTable
ALTER TABLE "User" ADD COLUMN "role" TEXT;

-- CreateTable
CREATE TABLE "Ownership" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "userId" TEXT NOT NULL,
    CONSTRAINT "Ownership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Ownership_userId_key" ON "Ownership"("userId");


-- Data: until now the owner was derived as the oldest account. That account
-- becomes the stored owner, so no console access changes with this migration.
INSERT INTO "Ownership" ("id", "userId")
SELECT 1, "id" FROM "User" ORDER BY "createdAt" ASC, "id" ASC LIMIT 1;
