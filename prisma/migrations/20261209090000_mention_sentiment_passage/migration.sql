-- The passage of the answer that decided a mention's sentiment label (analysis version 2): its
-- [start, end) JavaScript string offsets into the response text, so readers can see why. Null for
-- mentions analysed before version 2, until a re-analysis recomputes them.
ALTER TABLE "mentions" ADD COLUMN "sentiment_passage_start" INTEGER;
ALTER TABLE "mentions" ADD COLUMN "sentiment_passage_end" INTEGER;
