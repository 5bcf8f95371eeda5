/**
 * Requests Node's HTTP parser refuses before any middleware sees them (an address or headers past
 * Node's 16 KB limit, a malformed request line, headers that never finish) get the same readable
 * error body as every other client error, where Node's own answer is a status line and no body.
 * The connection is then closed, as Node does: after a parse error nothing more on it can be read.
 */
import { STATUS_CODES, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { errorBody } from '../lib/error-body';

/** What each parser error means to the client, by Node's error code; anything else is a malformed request. */
function refusalFor(code: string | undefined): { status: number; message: string } {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return {
        status: 431,
        message: 'The address or the request headers are too long (over 16 KB in all). Ask for less at once: fewer or shorter query parameters.',
      };
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return { status: 413, message: 'The request body’s chunk extensions are too long.' };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, message: 'The request took too long to arrive, so the connection was closed.' };
    default:
      return { status: 400, message: 'The request could not be read: it is not well-formed HTTP.' };
  }
}

/**
 * The raw HTTP answer for a refusal: Strapi's error body, and the connection closed. The reason phrase is Node's
 * for the status, and the error's name is made from it as Koa's errors name theirs ("Request Timeout": RequestTimeoutError).
 */
export function refusalResponse(code: string | undefined, { head = false } = {}): string {
  const { status, message } = refusalFor(code);
  const reason = STATUS_CODES[status] ?? 'Bad Request';
  const name = `${reason.replace(/[^A-Za-z]/g, '')}Error`;
  const body = JSON.stringify(errorBody(status, name, message));
  return [
    `HTTP/1.1 ${status} ${reason}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'X-Content-Type-Options: nosniff',
    'Cache-Control: no-store',
    'Connection: close',
    '',
    head ? '' : body,
  ].join('\r\n');
}

/**
 * Whether the refused request was a HEAD, whose answer must have no body (a client would read one as a broken
 * answer). The parser names the bytes it failed on, which begin with the request line when the request came in one
 * read, as any but a trickled one does; otherwise the method is unknown and the body is sent.
 */
const isHead = (error: NodeJS.ErrnoException & { rawPacket?: unknown }) =>
  Buffer.isBuffer(error.rawPacket) && error.rawPacket.subarray(0, 5).toString('latin1') === 'HEAD ';

export function answerUnparsableRequests(server: Server) {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    // Node's own test before it answers: nothing if the client is gone, or if an answer on this connection has begun
    // (`_httpMessage` is the response in flight: undocumented, but the field Node's own handler reads).
    const inFlight = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
    if (error.code !== 'ECONNRESET' && socket.writable && !inFlight?.headersSent) socket.write(refusalResponse(error.code, { head: isHead(error) }));
    socket.destroy(error);
  });
}
