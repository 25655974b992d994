import { describe, expect, it } from '@jest/globals';
import { logFormat, logTransport } from './log-format.js';

describe('logFormat', () => {
  it.each<[Parameters<typeof logFormat>[0], boolean, 'json' | 'pretty']>([
    [{ NODE_ENV: 'production' }, true, 'json'],
    [{ NODE_ENV: 'production' }, false, 'json'],
    [{ NODE_ENV: 'development' }, true, 'pretty'],
    [{ NODE_ENV: 'development' }, false, 'json'],
    [{ NODE_ENV: 'test' }, true, 'json'],
    [{ NODE_ENV: 'production', LOG_FORMAT: 'pretty' }, false, 'pretty'],
    [{ NODE_ENV: 'development', LOG_FORMAT: 'json' }, true, 'json'],
  ])('%p, TTY %p → %p', (config, tty, format) => {
    expect(logFormat(config, tty)).toBe(format);
  });

  it('pretty goes through pino-pretty, JSON straight to stdout', () => {
    expect(logTransport('json', true)).toBeUndefined();
    expect(logTransport('pretty', false)).toMatchObject({ target: 'pino-pretty', options: { colorize: false } });
  });
});
