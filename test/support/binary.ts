import type { Response } from 'superagent';

/**
 * A supertest body parser that collects a binary body (PDF, CSV, XLSX) as a Buffer: `.buffer(true).parse(binary)`.
 */
export function binary(response: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}
