-- A run's answers to one prompt, newest first: the competitor gap's examples walk this index
-- backwards and stop at the examples they need, instead of reading every answer of the prompt in
-- the run (about 80 at 8 configurations × 10 samples) and checking each one's mentions.
CREATE INDEX "responses_run_id_prompt_id_id_idx" ON "responses"("run_id", "prompt_id", "id");
