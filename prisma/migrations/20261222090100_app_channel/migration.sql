-- Answers captured from consumer assistant apps (ChatGPT, Gemini) through a capture vendor's API.
ALTER TYPE collection_channel ADD VALUE IF NOT EXISTS 'app';
