/**
 * One answer, opened from the prompts grid: its metadata, the brands it names, its text with
 * every mention highlighted from the API's spans, and the sources it cites.
 *
 * Model output is untrusted. The text is rendered as text nodes only (strings as JSX children;
 * never innerHTML or dangerouslySetInnerHTML), so HTML or script in an answer shows as
 * characters and never runs; citation URLs become links only when they are http(s).
 * Answers are shown formatted (their markdown, components/markdown.tsx, loaded on first use)
 * or, at a click, as the exact source text the analysis read.
 */
import type { ComponentType } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Answer, AnswerMention, Brand } from '../api/types.js';
import { formatDateTime, formatUsd } from '../lib/format.js';
import { segmentsOf } from '../lib/highlight.js';
import { SentimentReasons } from './sentiment-reasons.js';
import { brandColorIndex } from './workspace.js';

const SOURCE_LABELS: Record<Answer['citations'][number]['source'], string> = {
  annotation: 'provider annotation',
  link: 'link in the text',
  search_result: 'retrieved, not cited',
};

type MarkdownModule = typeof import('./markdown.js');
let markdownModule: Promise<MarkdownModule> | null = null;

/** The markdown renderer, fetched once when the first answer opens; null while it loads or if it failed. */
function useMarkdown(): { Markdown: MarkdownModule['MarkdownText'] | null; failed: boolean } {
  const [state, setState] = useState<{ Markdown: MarkdownModule['MarkdownText'] | null; failed: boolean }>({
    Markdown: null,
    failed: false,
  });
  useEffect(() => {
    let live = true;
    markdownModule ??= import('./markdown.js');
    markdownModule.then(
      (m) => live && setState({ Markdown: m.MarkdownText, failed: false }),
      () => {
        markdownModule = null;
        if (live) setState({ Markdown: null, failed: true });
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

export function AnswerView({ answer, brands }: { answer: Answer; brands: Brand[] }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [answer.id]);
  const [asSource, setAsSource] = useState(false);
  const markdown = useMarkdown();
  const Markdown: ComponentType<Parameters<MarkdownModule['MarkdownText']>[0]> | null = markdown.Markdown;
  const segments = useMemo(
    () =>
      segmentsOf<AnswerMention>(
        answer.text ?? '',
        answer.mentions.map((m) => ({ brand: m, spans: m.spans })),
      ),
    [answer],
  );
  const colorOf = (brandId: string) => `brand-${brandColorIndex(brands, brandId)}`;
  const ownerOf = (brandId: string | null) => (brandId ? brands.find((b) => b.id === brandId)?.name : undefined);

  return (
    <article class="answer" aria-labelledby="answer-heading" data-testid="answer">
      <h3 id="answer-heading" ref={heading} tabIndex={-1}>
        Answer {answer.sampleIndex + 1} from {answer.modelConfigName}
      </h3>
      <dl class="meta">
        <dt>Prompt</dt>
        <dd>{answer.promptText}</dd>
        <dt>Provider and model</dt>
        <dd>
          {answer.provider} · {answer.model}
          {answer.modelVersion && answer.modelVersion !== answer.model ? ` (${answer.modelVersion})` : ''}
        </dd>
        <dt>Run</dt>
        <dd>{formatDateTime(answer.runAt)}</dd>
        <dt>Status</dt>
        <dd>{answer.status}</dd>
        {answer.latencyMs !== null && (
          <>
            <dt>Latency</dt>
            <dd>{(answer.latencyMs / 1000).toFixed(1)} s</dd>
          </>
        )}
        {answer.costUsd !== null && (
          <>
            <dt>Cost</dt>
            <dd>{formatUsd(Number(answer.costUsd))}</dd>
          </>
        )}
      </dl>
      {answer.status === 'failed' && (
        <p class="error">
          The call failed{answer.errorCode ? ` (${answer.errorCode})` : ''}: {answer.error ?? 'no reason given'}. Failed
          answers are counted apart, never as "not mentioned".
        </p>
      )}

      <h4>Brands named</h4>
      {answer.mentions.length === 0 ? (
        <p class="muted">
          {answer.analyzedAt ? 'No tracked brand is named in this answer.' : 'This answer has not been analysed yet.'}
        </p>
      ) : (
        <ul class="legend" data-testid="answer-mentions">
          {answer.mentions.map((m) => (
            <li key={m.brandId}>
              <mark class={colorOf(m.brandId)}>{m.brandName}</mark> named {m.count}× · rank {m.rank}
              {m.listPosition !== null ? ` · list item ${m.listPosition}` : ''} · {m.sentimentLabel} (
              {m.sentiment.toFixed(2)}){m.matchedAlias !== m.brandName ? ` · as “${m.matchedAlias}”` : ''}
            </li>
          ))}
        </ul>
      )}
      <SentimentReasons mentions={answer.mentions} />

      {answer.text !== null && answer.text !== undefined && (
        <>
          <h4>Answer text</h4>
          <fieldset class="view-choice">
            <legend class="visually-hidden">Show the answer</legend>
            <label class="radio">
              <input type="radio" name="answer-view" checked={!asSource} onChange={() => setAsSource(false)} />
              Formatted
            </label>
            <label class="radio">
              <input type="radio" name="answer-view" checked={asSource} onChange={() => setAsSource(true)} />
              Source text
            </label>
          </fieldset>
          {markdown.failed && !asSource && (
            <p class="error" role="alert">
              The formatting could not be loaded; the source text is shown. Reload the page to try again.
            </p>
          )}
          {!asSource && Markdown ? (
            <div
              class="answer-text formatted"
              data-testid="answer-text"
              tabIndex={0}
              role="region"
              aria-label="Answer text"
            >
              <Markdown
                text={answer.text}
                mentions={answer.mentions.map((m) => ({ brandId: m.brandId, brandName: m.brandName, spans: m.spans }))}
                classOf={colorOf}
              />
            </div>
          ) : (
            <div
              class="answer-text"
              data-testid={asSource || markdown.failed ? 'answer-text' : 'answer-text-loading'}
              tabIndex={0}
              role="region"
              aria-label="Answer text"
            >
              {segments.map((s) =>
                s.brands.length === 0 ? (
                  s.text
                ) : (
                  <mark
                    key={s.start}
                    class={`${colorOf(s.brands[0]?.brandId ?? '')}${s.brands.length > 1 ? ' multi' : ''}`}
                    title={s.brands.map((b) => b.brandName).join(', ')}
                    data-brands={s.brands.map((b) => b.brandId).join(' ')}
                    data-start={s.start}
                    data-end={s.end}
                  >
                    {s.text}
                  </mark>
                ),
              )}
            </div>
          )}
        </>
      )}

      <h4>Citations ({answer.citations.length})</h4>
      {answer.citations.length === 0 ? (
        <p class="muted">No sources.</p>
      ) : (
        <ol class="citations" data-testid="answer-citations">
          {answer.citations.map((c) => (
            <li key={c.position}>
              <SafeLink url={c.url}>{c.title ?? c.url}</SafeLink>
              <span class="muted">
                {' '}
                — {c.domain} · {SOURCE_LABELS[c.source]}
                {ownerOf(c.brandId) ? ` · ${ownerOf(c.brandId)}’s domain` : ''}
              </span>
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}

/** A link for http(s) URLs only: a `javascript:` or `data:` URL from an answer stays plain text. */
function SafeLink({ url, children }: { url: string; children: string }) {
  if (!/^https?:\/\//i.test(url)) return <span class="url">{children}</span>;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer nofollow" data-url={url}>
      {children}
    </a>
  );
}
