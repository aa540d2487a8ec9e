import type { Logger as TemporalLogger, LogLevel, LogMetadata } from '@temporalio/common';
import type { Logger } from 'pino';

/**
 * Routes the Temporal SDK's own logs (worker state, workflow failures) into pino, so the
 * worker writes one log format at one configured level.
 */
export function pinoTemporalLogger(logger: Logger): TemporalLogger {
  const sdk = logger.child({ component: 'temporal-sdk' });
  const write = (level: LogLevel, message: string, meta?: LogMetadata) => {
    const fields = meta ?? {};
    switch (level) {
      case 'TRACE':
        return sdk.trace(fields, message);
      case 'DEBUG':
        return sdk.debug(fields, message);
      case 'INFO':
        return sdk.info(fields, message);
      case 'WARN':
        return sdk.warn(fields, message);
      case 'ERROR':
        return sdk.error(fields, message);
      default:
        return unknownLevel(level);
    }
  };
  return {
    log: write,
    trace: (message, meta) => write('TRACE', message, meta),
    debug: (message, meta) => write('DEBUG', message, meta),
    info: (message, meta) => write('INFO', message, meta),
    warn: (message, meta) => write('WARN', message, meta),
    error: (message, meta) => write('ERROR', message, meta),
  };
}

function unknownLevel(level: never): never {
  throw new Error(`unknown Temporal log level ${String(level)}`);
}
