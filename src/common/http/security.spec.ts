import { describe, expect, it } from '@jest/globals';
import { ServerResponse, IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import helmet from 'helmet';
import { securityHeaders } from './security.js';

describe('securityHeaders', () => {
  it('are the headers helmet sets on a response', () => {
    const options = {
      contentSecurityPolicy: { useDefaults: true, directives: { 'upgrade-insecure-requests': null } },
      crossOriginResourcePolicy: { policy: 'same-origin' as const },
    };
    const request = new IncomingMessage(new Socket());
    const response = new ServerResponse(request);
    helmet(options)(request, response, () => undefined);
    const computed = securityHeaders(options);
    expect(Object.fromEntries(computed.map(([name, value]) => [name.toLowerCase(), value]))).toEqual({
      ...response.getHeaders(),
    });
    expect(computed.map(([name]) => name)).toContain('Content-Security-Policy');
  });
});
