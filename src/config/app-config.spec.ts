import { describe, expect, it } from '@jest/globals';
import { ConfigValidationError, loadConfig } from './app-config.js';

describe('TRUST_PROXY', () => {
  it.each([
    [undefined, false],
    ['false', false],
    ['0', false],
    ['1', 1],
    ['2', 2],
    ['127.0.0.1', ['127.0.0.1']],
    ['10.0.0.0/8, 192.168.1.7', ['10.0.0.0/8', '192.168.1.7']],
    ['loopback,fd00::/8', ['loopback', 'fd00::/8']],
  ])('%s is read as %j', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).TRUST_PROXY).toEqual(expected);
  });

  it.each([['true'], ['*'], ['10.0.0.0/33'], ['not-an-address'], ['11'], ['10.0.0.1/8/8']])(
    '%s is refused at start, naming the setting',
    (value) => {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY: must be false, a hop count/);
    },
  );
});

describe('request timeouts', () => {
  it('defaults: headers in 10 s, the whole request in 30 s, silence for 120 s, keep-alive 72 s', () => {
    const config = loadConfig({});
    expect([
      config.REQUEST_HEADERS_TIMEOUT_MS,
      config.REQUEST_TIMEOUT_MS,
      config.CONNECTION_TIMEOUT_MS,
      config.KEEP_ALIVE_TIMEOUT_MS,
    ]).toEqual([10_000, 30_000, 120_000, 72_000]);
  });

  it.each([
    [{ REQUEST_TIMEOUT_MS: '500' }, /REQUEST_TIMEOUT_MS/],
    [{ REQUEST_TIMEOUT_MS: 'soon' }, /REQUEST_TIMEOUT_MS/],
    [{ REQUEST_TIMEOUT_MS: '5000', REQUEST_HEADERS_TIMEOUT_MS: '6000' }, /REQUEST_HEADERS_TIMEOUT_MS/],
    [{ CONNECTION_TIMEOUT_MS: '-1' }, /CONNECTION_TIMEOUT_MS/],
    [{ RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: '0' }, /RATE_LIMIT_AUTH_FAILURES_PER_MINUTE/],
  ])('%j is refused at start, naming the setting', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigValidationError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
