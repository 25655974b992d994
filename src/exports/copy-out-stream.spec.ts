import { describe, expect, it } from '@jest/globals';
import { EventEmitter } from 'node:events';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Connection } from 'pg';
import { CopyOutStream } from './copy-out-stream.js';

/** One backend message: type byte, length (itself included), payload. */
function message(type: string, payload: Buffer | string = Buffer.alloc(0)): Buffer {
  const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeUInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

const ROWS = Array.from({ length: 40 }, (_, index) => `${index},"Nguyễn Văn ${index}","=1+${index}"\n`);
/** What the server sends after the copy: pg reads it, not the stream. */
const AFTER = Buffer.concat([message('C', 'COPY 40\0'), message('Z', 'I')]);

function copyOut(rows: readonly string[]): Buffer {
  const messages = [message('H', Buffer.from([0, 0, 3, 0, 0, 0, 0, 0, 0])), message('S', 'TimeZone\0UTC\0')];
  rows.forEach((row, index) => {
    messages.push(message('d', row));
    if (index === 7) messages.push(message('N', 'SNOTICE\0\0'));
  });
  messages.push(message('c'), AFTER);
  return Buffer.concat(messages);
}

/**
 * The connection's socket, delivering `bytes` in pieces of `size` (copies: the stream writes in them) as `data` events
 * while it flows, the way a net.Socket does.
 */
class FakeSocket extends EventEmitter {
  /** What pg's own data listener was given. */
  readonly pgReceived: Buffer[] = [];
  /** What has not been delivered yet. */
  readonly unread: Buffer[] = [];
  private flowing = false;
  private emitting = false;

  constructor(bytes: Buffer, size: number) {
    super();
    for (let at = 0; at < bytes.length; at += size) this.unread.push(Buffer.from(bytes.subarray(at, at + size)));
    this.on('data', (chunk: Buffer) => this.pgReceived.push(Buffer.from(chunk)));
  }

  pause(): void {
    this.flowing = false;
  }

  resume(): void {
    this.flowing = true;
    if (this.emitting) return;
    this.emitting = true;
    while (this.flowing && this.unread.length > 0) this.emit('data', this.unread.shift());
    this.emitting = false;
  }
}

function start(bytes: Buffer, size: number): { stream: CopyOutStream; socket: FakeSocket; sent: string[] } {
  const socket = new FakeSocket(bytes, size);
  const sent: string[] = [];
  const connection = { stream: socket, query: (text: string) => sent.push(text) } as unknown as Connection;
  const stream = new CopyOutStream('COPY (SELECT 1) TO STDOUT');
  stream.submit(connection);
  return { stream, socket, sent };
}

async function collect(stream: CopyOutStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('CopyOutStream', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 11, 64, 100_000])(
    'passes on the rows byte for byte and hands the rest back to pg (pieces of %i bytes)',
    async (size) => {
      const { stream, socket, sent } = start(copyOut(ROWS), size);
      expect(sent).toEqual(['COPY (SELECT 1) TO STDOUT']);
      const body = collect(stream);
      expect((await body).toString('utf8')).toBe(ROWS.join(''));
      // What pg reads: everything after CopyDone, nothing before it.
      expect(Buffer.concat([...socket.pgReceived, ...socket.unread])).toEqual(AFTER);
      expect(socket.listeners('readable')).toHaveLength(0);
      stream.handleCommandComplete({ text: 'COPY 40' });
      expect(stream.rowCount).toBe(40);
    },
  );

  it.each([1, 3, 5, 64])(
    'gives an ErrorResponse to pg unread and fails with its error (pieces of %i)',
    async (size) => {
      const error = message('E', 'SERROR\0C57014\0Mcanceling statement due to statement timeout\0\0');
      const bytes = Buffer.concat([message('H', Buffer.alloc(9)), message('d', ROWS[0]), message('d', ROWS[1]), error]);
      const { stream, socket } = start(bytes, size);
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      const failed = new Promise<Error>((resolve) => stream.once('error', resolve));
      await nextTurn();
      expect(Buffer.concat([...socket.pgReceived, ...socket.unread])).toEqual(error);
      expect(Buffer.concat(chunks).toString('utf8')).toBe(ROWS[0] + ROWS[1]);
      stream.handleError(new Error('canceling statement due to statement timeout'));
      expect((await failed).message).toBe('canceling statement due to statement timeout');
    },
  );

  it('pauses the socket while the consumer is full, each chunk passed on as it came', async () => {
    const rows = Array.from({ length: 2_000 }, (_, index) => `${index},${'x'.repeat(200)}\n`);
    const { stream, socket } = start(copyOut(rows), 4096);
    expect(socket.unread.length).toBeGreaterThan(0);
    expect(stream.readableLength).toBeLessThanOrEqual(stream.readableHighWaterMark + 4096);
    const body = await collect(stream);
    expect(body.toString('utf8')).toBe(rows.join(''));
  });
});
