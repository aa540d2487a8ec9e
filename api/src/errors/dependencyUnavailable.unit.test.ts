import { ServiceError } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { dependencyUnavailable } from './dependencyUnavailable';

function named(name: string, message = 'boom'): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

describe('dependencyUnavailable', () => {
  it('names the database when the driver cannot reach it or FerretDB could not lock SQLite', () => {
    expect(dependencyUnavailable(named('MongoServerSelectionError'))).toBe('database');
    expect(dependencyUnavailable(named('MongoNetworkError'))).toBe('database');
    expect(dependencyUnavailable(named('MongoServerError', 'database is locked (5) (SQLITE_BUSY)'))).toBe('database');
  });

  it('names Temporal when its gRPC call was UNAVAILABLE or ran out of time', () => {
    const unavailable = Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14, details: '', metadata: {} });
    expect(dependencyUnavailable(new ServiceError('Failed to signalWithStart', { cause: unavailable }))).toBe('temporal');
  });

  it('leaves everything else to be a 500: a duplicate key or a bug is not a dependency being down', () => {
    expect(dependencyUnavailable(named('MongoServerError', 'E11000 duplicate key error'))).toBeNull();
    expect(dependencyUnavailable(new TypeError('x is undefined'))).toBeNull();
    expect(dependencyUnavailable('not an error')).toBeNull();
  });
});
