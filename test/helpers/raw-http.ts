/**
 * HTTP/1.1 over a plain TCP socket, for requests no HTTP client would send (malformed request
 * lines, conflicting framing headers): the bytes go out as given and the whole answer is read,
 * until the server closes the connection.
 */
import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  /** The body as sent (no chunked decoding: answers checked here carry Content-Length). */
  body: string;
  /** Bytes of the body received (up to Content-Length, or to the end). */
  bodyBytes: number;
}

/** Sends `data` to 127.0.0.1:`port` and resolves once the server has closed the connection: the one answer. */
export async function rawRequest(port: number, data: string | Buffer): Promise<RawResponse> {
  const responses = await rawResponses(port, data);
  if (responses.length !== 1)
    throw new Error(`expected one response, received ${responses.length}: ${JSON.stringify(responses)}`);
  return responses[0] as RawResponse;
}

/** Every answer received until the server closed the connection (pipelined requests get several). */
export function rawResponses(port: number, data: string | Buffer, timeoutMs = 10_000): Promise<RawResponse[]> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const guard = setTimeout(() => {
      socket.destroy();
      reject(
        new Error(
          `the server did not close the connection within ${timeoutMs} ms; received: ${Buffer.concat(chunks).toString('latin1').slice(0, 300)}`,
        ),
      );
    }, timeoutMs);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', (err) => {
      clearTimeout(guard);
      reject(
        new Error(
          `connection failed (${err.message}) after receiving: ${Buffer.concat(chunks).toString('latin1').slice(0, 300)}`,
        ),
      );
    });
    socket.on('close', () => {
      clearTimeout(guard);
      try {
        resolve(parseResponses(Buffer.concat(chunks)));
      } catch (err) {
        reject(err as Error);
      }
    });
    socket.write(data);
  });
}

/** Splits what was received into responses, each framed by its Content-Length (or running to the end). */
function parseResponses(raw: Buffer): RawResponse[] {
  const responses: RawResponse[] = [];
  let rest = raw;
  while (rest.length > 0) {
    const end = rest.indexOf('\r\n\r\n');
    if (end < 0) throw new Error(`no complete response: ${JSON.stringify(rest.toString('latin1').slice(0, 300))}`);
    const [statusLine = '', ...lines] = rest.subarray(0, end).toString('latin1').split('\r\n');
    const status = /^HTTP\/1\.1 (\d{3}) /.exec(statusLine)?.[1];
    if (!status) throw new Error(`not an HTTP/1.1 status line: ${JSON.stringify(statusLine)}`);
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const length = headers['content-length'] === undefined ? rest.length : end + 4 + Number(headers['content-length']);
    const body = rest.subarray(end + 4, length);
    responses.push({ status: Number(status), headers, body: body.toString('utf8'), bodyBytes: body.length });
    rest = rest.subarray(length);
  }
  return responses;
}
