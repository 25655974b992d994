import { Readable } from 'node:stream';
import type { Connection } from 'pg';
import { YoungCollection } from '../common/memory/young-collection.js';

/** Backend message types met while a `COPY … TO STDOUT` runs (PostgreSQL protocol, "Message Formats"). */
const ERROR_RESPONSE = 0x45; // E
const COPY_DATA = 0x64; // d
const COPY_OUT_RESPONSE = 0x48; // H
/** May arrive between CopyData messages (protocol, "COPY Operations"); any other type ends copy-out mode. */
const INTERSPERSED = new Set([COPY_OUT_RESPONSE, COPY_DATA, 0x4e /* N */, 0x53 /* S */, 0x41 /* A */]);
/** Type byte and length of every message. */
const HEADER_BYTES = 5;
/** Bytes read from the socket between two scavenges (see `YoungCollection`). */
const SCAVENGE_EVERY_BYTES = 8 << 20;

/** The part of a pg connection's socket a COPY stream takes over while it runs. */
interface ConnectionSocket {
  pause(): void;
  resume(): void;
  listeners(event: 'data'): ((chunk: Buffer) => void)[];
  on(event: 'data', listener: (chunk: Buffer) => void): void;
  removeListener(event: 'data', listener: (chunk: Buffer) => void): void;
}

/**
 * `COPY … TO STDOUT` as a byte stream: the submittable `pg` runs, taking over the connection's socket until the copy
 * ends, like `to()` of pg-copy-streams (whose protocol handling this follows). What differs is the decoding: a
 * CopyData message is a row, and a million-row export is a million of them. Here the payloads are moved down over
 * the 5-byte headers inside the very chunk the socket delivered (`copyWithin`) and that chunk goes on as one buffer,
 * so a row costs neither a buffer object nor a copy into a new buffer. The socket is read in flowing mode, paused
 * while the consumer is full: each chunk as it was read, never several joined into a new one (which `read()` of a
 * paused socket does). Buffers the collector has to free are what the export's memory grows with
 * (docs/scaling.md, "Memory of the exports").
 */
export class CopyOutStream extends Readable {
  /** Rows copied, from the CommandComplete message (once the copy is complete). */
  rowCount = 0;
  private socket?: ConnectionSocket;
  private pgDataHandler?: (chunk: Buffer) => void;
  private readonly young = new YoungCollection(SCAVENGE_EVERY_BYTES);
  private readonly onData = (chunk: Buffer): void => {
    this.young.count(chunk.length);
    if (!this.decode(chunk)) this.socket?.pause();
  };
  /** The header of the message being read, when a chunk ended inside it. */
  private readonly header = Buffer.alloc(HEADER_BYTES);
  private headerBytes = 0;
  /** Type of the message being read, and how many of its payload bytes are still to come. */
  private type = 0;
  private remaining = 0;
  /** The message being read ends copy-out mode: once it is read, the socket goes back to `pg`. */
  private ending = false;

  constructor(readonly text: string) {
    super();
  }

  /** Called by `pg` when the query's turn comes. */
  submit(connection: Connection): void {
    const socket = (connection as unknown as { stream: ConnectionSocket }).stream;
    this.socket = socket;
    const listeners = socket.listeners('data');
    if (listeners.length !== 1) throw new Error('Unexpected data listeners on the connection');
    this.pgDataHandler = listeners[0];
    socket.removeListener('data', this.pgDataHandler);
    socket.on('data', this.onData);
    socket.resume();
    connection.query(this.text);
  }

  /** The consumer wants more: let the socket flow again (it was paused when the consumer was full). */
  override _read(): void {
    this.socket?.resume();
  }

  /**
   * Strips the framing of the messages in `chunk`, in place: CopyData payloads are kept, the other messages of
   * copy-out mode skipped. An ErrorResponse goes back to `pg` unread, with the rest of the chunk: `pg` reads it and
   * calls `handleError`. The message that ends copy-out mode (CopyDone) ends the stream, and what follows it
   * (CommandComplete, ReadyForQuery) goes back to `pg`. Returns whether the consumer wants more.
   */
  private decode(chunk: Buffer): boolean {
    let read = 0;
    let written = 0;
    let rest: Buffer | undefined;
    while (read < chunk.length) {
      if (this.remaining > 0) {
        const n = Math.min(this.remaining, chunk.length - read);
        if (this.type === COPY_DATA) {
          if (written !== read) chunk.copyWithin(written, read, read + n);
          written += n;
        }
        read += n;
        this.remaining -= n;
      } else if (this.ending) {
        break;
      } else if (this.headerBytes === 0 && chunk[read] === ERROR_RESPONSE) {
        break;
      } else if (this.headerBytes === 0 && chunk.length - read >= HEADER_BYTES) {
        this.startMessage(chunk[read], chunk.readUInt32BE(read + 1));
        read += HEADER_BYTES;
      } else {
        while (this.headerBytes < HEADER_BYTES && read < chunk.length) this.header[this.headerBytes++] = chunk[read++];
        if (this.headerBytes === HEADER_BYTES) {
          this.headerBytes = 0;
          this.startMessage(this.header[0], this.header.readUInt32BE(1));
        }
      }
    }
    const ended = this.ending && this.remaining === 0;
    if (read < chunk.length || ended) rest = chunk.subarray(read);
    const more = written > 0 ? this.push(chunk.subarray(0, written)) : true;
    if (!rest) return more;
    this.detach(rest);
    if (ended) this.push(null);
    return false;
  }

  /** A message begins: its type, and its length (which counts the 4 bytes of the length itself). */
  private startMessage(type: number, length: number): void {
    this.type = type;
    this.remaining = length - 4;
    if (type !== COPY_DATA && !INTERSPERSED.has(type)) this.ending = true;
  }

  /** Gives the socket back to `pg` with what it has not read yet: the error, or the copy's completion. */
  private detach(rest: Buffer): void {
    const socket = this.socket;
    const handler = this.pgDataHandler;
    if (!socket || !handler) return;
    this.socket = undefined;
    socket.removeListener('data', this.onData);
    socket.on('data', handler);
    handler(rest);
    // pg reads in flowing mode: resume the socket if it was paused for the consumer, once the handler has returned.
    process.nextTick(() => socket.resume());
  }

  /** The copy failed (an ErrorResponse, or the connection broke). */
  handleError(error: Error): void {
    this.destroy(error);
  }

  /** CommandComplete, after the stream's end: it carries the row count (`COPY 1008421`). */
  handleCommandComplete(message: { text?: string }): void {
    const match = /COPY (\d+)/.exec(message.text ?? '');
    if (match) this.rowCount = Number(match[1]);
  }

  handleReadyForQuery(): void {
    // The connection is pg's again; nothing to do.
  }
}
