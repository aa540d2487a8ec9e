import { describe, expect, it } from 'vitest';
import { DEFAULT_ENGINE_ARGS, parseEngineArgs } from './engineArgs';

describe('parseEngineArgs', () => {
  it('gives the issue’s sizes when nothing is passed', () => {
    expect(parseEngineArgs([])).toEqual(DEFAULT_ENGINE_ARGS);
    expect(DEFAULT_ENGINE_ARGS.waiting).toBe(10_000);
  });

  it('reads the sizes it is given', () => {
    expect(parseEngineArgs(['--journeys', '50', '--waiting', '500', '--start-rate', '25'])).toEqual({ ...DEFAULT_ENGINE_ARGS, journeys: 50, waiting: 500, startRate: 25 });
  });

  it('lets the waiting phase be skipped with 0', () => {
    expect(parseEngineArgs(['--waiting', '0']).waiting).toBe(0);
  });

  it('refuses an unknown flag, a missing value and a value that is not a whole number', () => {
    expect(() => parseEngineArgs(['--journey', '5'])).toThrow(/unknown argument "--journey"/);
    expect(() => parseEngineArgs(['--journeys'])).toThrow(/whole number/);
    expect(() => parseEngineArgs(['--journeys', '2.5'])).toThrow(/whole number/);
    expect(() => parseEngineArgs(['--journeys', '0'])).toThrow(/at least 1/);
  });
});
