-- Top numbers of the "7 days" preset's current window (decision 0031). No backfill: until the
-- next roll-up refresh or the nightly ranking job builds the window, a reader sums the daily
-- number roll-up, as it did before.

-- AlterEnum
ALTER TYPE "CallTopPeriod" ADD VALUE 'SEVEN_DAYS';
