import type { AppConfig } from './app-config.js';

export type LogFormat = 'json' | 'pretty';

/**
 * How the service writes its logs: LOG_FORMAT when set; otherwise readable lines for a developer watching a
 * terminal (NODE_ENV=development and stdout a TTY), structured JSON everywhere else (files, pipes, collectors).
 */
export function logFormat(config: Pick<AppConfig, 'LOG_FORMAT' | 'NODE_ENV'>, stdoutIsTty: boolean): LogFormat {
  if (config.LOG_FORMAT) return config.LOG_FORMAT;
  return config.NODE_ENV === 'development' && stdoutIsTty ? 'pretty' : 'json';
}

/** pino's transport for a format: pino-pretty for `pretty`, none (JSON on stdout) for `json`. */
export function logTransport(
  format: LogFormat,
  colorize: boolean,
): { target: string; options: Record<string, unknown> } | undefined {
  if (format === 'json') return undefined;
  return {
    target: 'pino-pretty',
    options: { colorize, translateTime: 'SYS:yyyy-mm-dd HH:MM:ss.l', ignore: 'pid,hostname', singleLine: false },
  };
}
