/**
 * Just enough MIME reading for tests to check what an SMTP server received: headers (folded lines,
 * RFC 2047 encoded words), multipart bodies, quoted-printable and base64 parts, UTF-8 text.
 * Not a general parser: attachments, nested charsets other than UTF-8/ASCII/Latin-1 are out of scope.
 */

export interface MimePart {
  /** Lower-case header name → decoded values, in order. */
  headers: Map<string, string[]>;
  /** "text/plain", "multipart/alternative"… (lower case; text/plain when absent). */
  contentType: string;
  params: Record<string, string>;
  /** Decoded body of a non-multipart part, line ends as \n. */
  body: string;
  parts: MimePart[];
}

/** `raw` holds the message's bytes one per character (a Buffer read as latin1). */
export function parseMime(raw: string): MimePart {
  const split = /\r?\n\r?\n/.exec(raw);
  const head = split ? raw.slice(0, split.index) : raw;
  const rest = split ? raw.slice(split.index + split[0].length) : '';
  const headers = new Map<string, string[]>();
  for (const line of head.replace(/\r?\n(?=[ \t])/g, '').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = decodeWords(utf8(line.slice(colon + 1).trim()));
    headers.set(name, [...(headers.get(name) ?? []), value]);
  }
  const [contentType, params] = parseContentType(headers.get('content-type')?.[0] ?? 'text/plain');
  if (contentType.startsWith('multipart/') && params.boundary) {
    return { headers, contentType, params, body: '', parts: splitMultipart(rest, params.boundary).map(parseMime) };
  }
  const encoding = (headers.get('content-transfer-encoding')?.[0] ?? '7bit').toLowerCase();
  const bytes =
    encoding === 'base64'
      ? Buffer.from(rest.replace(/\s+/g, ''), 'base64')
      : encoding === 'quoted-printable'
        ? quotedPrintable(rest)
        : Buffer.from(rest, 'latin1');
  const charset = (params.charset ?? 'utf-8').toLowerCase();
  const text = bytes.toString(charset === 'iso-8859-1' || charset === 'latin1' ? 'latin1' : 'utf8');
  return { headers, contentType, params, body: text.replace(/\r\n/g, '\n'), parts: [] };
}

/** Every leaf part, depth first. */
export function leaves(part: MimePart): MimePart[] {
  return part.parts.length ? part.parts.flatMap(leaves) : [part];
}

function parseContentType(value: string): [string, Record<string, string>] {
  const [type = '', ...rest] = value.split(';');
  const params: Record<string, string> = {};
  for (const param of rest) {
    const eq = param.indexOf('=');
    if (eq < 0) continue;
    params[param.slice(0, eq).trim().toLowerCase()] = param
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
  }
  return [type.trim().toLowerCase(), params];
}

function splitMultipart(body: string, boundary: string): string[] {
  const parts: string[] = [];
  let current: string[] | null = null;
  for (const line of body.split(/\r?\n/)) {
    if (line === `--${boundary}--`) break;
    if (line === `--${boundary}`) {
      if (current) parts.push(current.join('\r\n'));
      current = [];
    } else current?.push(line);
  }
  if (current) parts.push(current.join('\r\n'));
  return parts;
}

function quotedPrintable(text: string): Buffer {
  const bytes: number[] = [];
  const joined = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else bytes.push(joined.charCodeAt(i) & 0xff);
  }
  return Buffer.from(bytes);
}

/** RFC 2047: =?charset?B|Q?text?=, with the white space between two encoded words dropped. */
function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?[^?]+\?[BbQq]\?[^?]*\?=)/g, '$1')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, charset: string, kind: string, data: string) => {
      const bytes = kind.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : quotedPrintable(data.replace(/_/g, ' '));
      return bytes.toString(charset.toLowerCase() === 'iso-8859-1' ? 'latin1' : 'utf8');
    });
}

/** Header bytes as UTF-8 (SMTPUTF8 headers carry it raw). */
function utf8(latin1: string): string {
  return Buffer.from(latin1, 'latin1').toString('utf8');
}
