/**
 * Beside an answer: each named brand's sentiment label with the passage of the answer that decided
 * it (the list item, table row or sentence the scorer weighed most), so a reader can see why.
 * The passage is model output: rendered as a text node only.
 */
import type { AnswerMention } from '../api/types.js';

export function SentimentReasons({ mentions }: { mentions: AnswerMention[] }) {
  if (mentions.length === 0) return null;
  return (
    <section class="sentiment-reasons" aria-labelledby="sentiment-reasons-heading">
      <h4 id="sentiment-reasons-heading">Why each sentiment</h4>
      <ul data-testid="sentiment-reasons">
        {mentions.map((m) => (
          <li key={m.brandId} data-brand={m.brandId}>
            <strong>{m.brandName}</strong>: <span class={`label-${m.sentimentLabel}`}>{m.sentimentLabel}</span>
            {m.sentimentPassage ? (
              <blockquote class="passage" data-testid="sentiment-passage">
                {m.sentimentPassage.text}
              </blockquote>
            ) : (
              <span class="muted"> (analysed before deciding passages were kept: re-analyse to see why)</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
