-- The model judge of stance runs after a run's answers are analysed, in jobs of its own. A judge
-- job lost with Redis' data left its answers unjudged for good. The recovery sweep now looks at
-- runs of audits with a judge whose judging has stalled: judging_checked_at is when it last did
-- (and claims the run, so sweepers split the work), judging_done_at when it found nothing missing.
-- Runs finished before this migration are looked at once each, a few a round.
ALTER TABLE "runs" ADD COLUMN "judging_checked_at" TIMESTAMPTZ(3);
ALTER TABLE "runs" ADD COLUMN "judging_done_at" TIMESTAMPTZ(3);
