/**
 * An answer's markdown, formatted — lists, emphasis, tables, code, links — with every brand
 * mention highlighted. Loaded on first use (components/answer-view.tsx), so pages that show no
 * answer never download the parser.
 *
 * Why a syntax tree and not HTML: the text is parsed by micromark into mdast, whose every node
 * carries its exact character offsets in the source. Mention spans are offsets into that same
 * raw text, so each displayed character can be traced back to its source offset and a <mark>
 * placed around exactly the characters the analysis matched — even inside bold text, list items
 * or table cells — without ever building an HTML string. The tree becomes Preact elements
 * directly: no innerHTML anywhere, so raw HTML in an answer (html nodes) is shown as the
 * characters it is, and a <script> stays text. Links are links only for http(s) and mailto
 * URLs; images are never loaded (the page's CSP would refuse them, and a remote image in a model's
 * answer is a tracking pixel at best): they become a link to the image, or its description.
 */
import type { ComponentChildren } from 'preact';
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { type MentionHighlight, type SourceSpan, mentionRuns, spansOf } from '../lib/mention-runs.js';

export type { MentionHighlight };

interface Context {
  source: string;
  spans: SourceSpan[];
  classOf(brandId: string): string;
  definitions: Map<string, string>;
}

export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

export function MarkdownText({
  text,
  mentions,
  classOf,
}: {
  text: string;
  mentions: MentionHighlight[];
  classOf(brandId: string): string;
}) {
  const tree = parseMarkdown(text);
  const spans = spansOf(mentions);
  const definitions = new Map<string, string>();
  collectDefinitions(tree, definitions);
  return <>{children(tree, { source: text, spans, classOf, definitions })}</>;
}

function collectDefinitions(node: Nodes, into: Map<string, string>): void {
  if (node.type === 'definition') into.set(node.identifier, node.url);
  if ('children' in node) for (const child of node.children) collectDefinitions(child as Nodes, into);
}

function children(node: Nodes, ctx: Context): ComponentChildren {
  if (!('children' in node)) return null;
  return node.children.map((child, i) => render(child as Nodes, ctx, i));
}

/** http(s) and mailto only: a `javascript:` or `data:` URL from an answer is never a link. */
export function safeUrl(url: string): string | null {
  return /^(https?:\/\/|mailto:)/i.test(url.trim()) ? url.trim() : null;
}

function render(node: Nodes, ctx: Context, key: number): ComponentChildren {
  switch (node.type) {
    case 'root':
      return children(node, ctx);
    case 'paragraph':
      return <p key={key}>{children(node, ctx)}</p>;
    case 'heading': {
      // The answer sits under the page's h3 and h4: its own headings stay below them.
      const Tag = node.depth <= 2 ? 'h5' : 'h6';
      return (
        <Tag key={key} class="md-heading">
          {children(node, ctx)}
        </Tag>
      );
    }
    case 'thematicBreak':
      return <hr key={key} />;
    case 'blockquote':
      return <blockquote key={key}>{children(node, ctx)}</blockquote>;
    case 'list':
      return node.ordered ? (
        <ol key={key} start={node.start ?? undefined}>
          {children(node, ctx)}
        </ol>
      ) : (
        <ul key={key}>{children(node, ctx)}</ul>
      );
    case 'listItem':
      return (
        <li key={key}>
          {node.checked !== null && node.checked !== undefined && (
            <span class="md-task">{node.checked ? '☑ ' : '☐ '}</span>
          )}
          {/* A tight list's paragraphs are not separate blocks. */}
          {node.spread
            ? children(node, ctx)
            : node.children.map((c, i) =>
                c.type === 'paragraph' ? <span key={i}>{children(c, ctx)}</span> : render(c as Nodes, ctx, i),
              )}
        </li>
      );
    case 'code':
      return (
        <pre key={key} class="md-code">
          <code>{highlighted(node, ctx)}</code>
        </pre>
      );
    case 'inlineCode':
      return <code key={key}>{highlighted(node, ctx)}</code>;
    case 'html':
    case 'text':
      return <span key={key}>{highlighted(node, ctx)}</span>;
    case 'emphasis':
      return <em key={key}>{children(node, ctx)}</em>;
    case 'strong':
      return <strong key={key}>{children(node, ctx)}</strong>;
    case 'delete':
      return <del key={key}>{children(node, ctx)}</del>;
    case 'break':
      return <br key={key} />;
    case 'link':
      return (
        <MaybeLink key={key} url={node.url}>
          {children(node, ctx)}
        </MaybeLink>
      );
    case 'linkReference': {
      const url = ctx.definitions.get(node.identifier);
      return url ? (
        <MaybeLink key={key} url={url}>
          {children(node, ctx)}
        </MaybeLink>
      ) : (
        <span key={key}>{children(node, ctx)}</span>
      );
    }
    case 'image':
      return <Picture key={key} url={node.url} alt={node.alt} />;
    case 'imageReference':
      return <Picture key={key} url={ctx.definitions.get(node.identifier) ?? ''} alt={node.alt} />;
    case 'definition':
      return null;
    case 'footnoteReference':
      return <sup key={key}>[{node.label ?? node.identifier}]</sup>;
    case 'footnoteDefinition':
      return (
        <div key={key} class="md-footnote">
          <sup>[{node.label ?? node.identifier}]</sup> {children(node, ctx)}
        </div>
      );
    case 'table': {
      const [head, ...body] = node.children;
      return (
        <div key={key} class="md-table" role="region" aria-label="Table in the answer" tabIndex={0}>
          <table>
            {head && (
              <thead>
                <tr>
                  {head.children.map((cell, i) => (
                    <th key={i} scope="col">
                      {children(cell, ctx)}
                    </th>
                  ))}
                </tr>
              </thead>
            )}
            <tbody>
              {body.map((row, r) => (
                <tr key={r}>
                  {row.children.map((cell, i) => (
                    <td key={i}>{children(cell, ctx)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
    default:
      // Anything else (front matter, math, an extension's node) is shown as its source text.
      return <span key={key}>{'value' in node && typeof node.value === 'string' ? node.value : ''}</span>;
  }
}

function MaybeLink({ url, children }: { url: string; children: ComponentChildren }) {
  const safe = safeUrl(url);
  if (!safe) return <span class="url">{children}</span>;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </a>
  );
}

function Picture({ url, alt }: { url: string; alt: string | null | undefined }) {
  const label = `Image: ${alt || 'no description'}`;
  const safe = safeUrl(url);
  return safe ? (
    <a href={safe} target="_blank" rel="noopener noreferrer nofollow" class="md-image">
      [{label}]
    </a>
  ) : (
    <span class="md-image">[{label}]</span>
  );
}

/** A node's value cut into plain runs and marked runs (mentions), by source offset. */
function highlighted(node: { value: string; position?: Nodes['position'] }, ctx: Context): ComponentChildren {
  const { value } = node;
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined || value === '') return value;
  const covering = ctx.spans.filter((s) => s.start < end && s.end > start);
  if (covering.length === 0) return value;
  // A fenced block's value starts after its opening line.
  let from = start;
  if (node.position && /^\s*(```|~~~)/.test(ctx.source.slice(start, end))) {
    const newline = ctx.source.indexOf('\n', start);
    if (newline >= 0 && newline < end) from = newline + 1;
  }
  return mentionRuns(value, ctx.source, from, end, ctx.spans).map((run, i) =>
    run.mentions.length === 0 ? (
      <span key={i}>{run.text}</span>
    ) : (
      <mark
        key={i}
        class={`${ctx.classOf(run.mentions[0]?.brandId ?? '')}${run.mentions.length > 1 ? ' multi' : ''}`}
        title={run.mentions.map((m) => m.brandName).join(', ')}
        data-brands={run.mentions.map((m) => m.brandId).join(' ')}
        data-start={run.start}
        data-end={run.end}
      >
        {run.text}
      </mark>
    ),
  );
}
