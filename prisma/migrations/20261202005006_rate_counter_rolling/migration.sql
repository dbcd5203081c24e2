-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_RateCounter" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "windowIndex" INTEGER NOT NULL DEFAULT 0,
    "count" INTEGER NOT NULL,
    "prev" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" DATETIME NOT NULL
);
INSERT INTO "new_RateCounter" ("count", "expiresAt", "id") SELECT "count", "expiresAt", "id" FROM "RateCounter";
DROP TABLE "RateCounter";
ALTER TABLE "new_RateCounter" RENAME TO "RateCounter";
CREATE INDEX "RateCounter_expiresAt_idx" ON "RateCounter"("expiresAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

