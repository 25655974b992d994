import { describe, expect, it } from '@jest/globals';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { Writable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PinoLogger } from 'nestjs-pino';
import { pinoHttp } from 'pino-http';
import { logRequest } from './request-log.js';

/** The application's root logger as nestjs-pino builds it (pino-http's, with the app's `req` serializer). */
function rootLogger(level: string, lines: string[]) {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return pinoHttp(
    {
      level,
      serializers: {
        req: (request: { id: string; method: string; url: string }) => ({
          id: request.id,
          method: request.method,
          url: request.url,
        }),
      },
    },
    stream,
  ).logger;
}

function exchange(status: number) {
  const raw = new IncomingMessage(new Socket());
  const response = new ServerResponse(raw);
  response.statusCode = status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  for (const property of ['headersSent', 'writableEnded']) Object.defineProperty(response, property, { value: true });
  const request = { id: 'req-1', method: 'GET', url: '/api/v1/awards?limit=1', raw } as unknown as FastifyRequest;
  const reply = { statusCode: status, elapsedTime: 3.4, raw: response } as unknown as FastifyReply;
  return { request, reply };
}

describe('logRequest', () => {
  it('writes the line pino-http writes: the same fields, in the same order', () => {
    const lines: string[] = [];
    Object.assign(PinoLogger, { root: rootLogger('info', lines) });
    const { request, reply } = exchange(200);
    logRequest(request, reply);
    const line = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(Object.keys(line)).toEqual([
      'level',
      'time',
      'pid',
      'hostname',
      'req',
      'requestId',
      'res',
      'responseTime',
      'msg',
    ]);
    expect(line).toMatchObject({
      level: 30,
      req: { id: 'req-1', method: 'GET', url: '/api/v1/awards?limit=1' },
      requestId: 'req-1',
      res: { statusCode: 200, headers: { 'content-type': 'application/json; charset=utf-8' } },
      responseTime: 3,
      msg: 'request completed',
    });
  });

  it('names a 5xx as pino-http does, with an error', () => {
    const lines: string[] = [];
    Object.assign(PinoLogger, { root: rootLogger('info', lines) });
    const { request, reply } = exchange(503);
    logRequest(request, reply);
    const line = JSON.parse(lines[0]) as { msg: string; err: { message: string } };
    expect(line.msg).toBe('request errored');
    expect(line.err.message).toBe('failed with status code 503');
  });

  it('writes nothing when the level is above info', () => {
    const lines: string[] = [];
    Object.assign(PinoLogger, { root: rootLogger('warn', lines) });
    const { request, reply } = exchange(200);
    logRequest(request, reply);
    expect(lines).toEqual([]);
  });
});
