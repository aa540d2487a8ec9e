import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NodeConfigs, SplitOperator } from '../types';
import { ELSE_OUTPUT, evaluateSplit } from './evaluateSplit';

/** A split with one condition leading to "match" over the last reply's text. */
function splitOn(operator: SplitOperator, values: string[]): NodeConfigs['split'] {
  return { input: '{{ reply.text }}', conditions: [{ output: 'match', operator, values }] };
}

const withReply = (text: string | null) => ({ reply: text === null ? null : { text, channel: 'sms' } });

function outputFor(operator: SplitOperator, values: string[], text: string | null, context: object = {}): string {
  return evaluateSplit(splitOn(operator, values), { ...context, ...withReply(text) }).output;
}

type Row = [SplitOperator, string[], string | null, boolean];

describe('evaluateSplit', () => {
  // operator, values, reply text, matches?
  const rows: Row[] = [
    ['equals', ['yes'], ' YES ', true],
    ['equals', ['yes', 'y'], 'y', true],
    ['equals', ['yes'], 'yes please', false],
    ['notEquals', ['stop', 'unsubscribe'], 'hello', true],
    ['notEquals', ['stop', 'unsubscribe'], 'Stop', false],
    ['matchesAnyOf', ['price', 'how much'], 'Hi! How   MUCH is it?', true],
    ['matchesAnyOf', ['price'], 'that was priceless', false],
    ['matchesAnyOf', ['(help?)'], 'please (help?) me', true],
    ['matchesAnyOf', ['(help?)'], 'please help me', false],
    ['matchesNoneOf', ['price', 'cost'], 'when can you come?', true],
    ['matchesNoneOf', ['price', 'cost'], 'what does it cost', false],
    ['matchesNoneOf', ['price'], 'priceless', true],
    ['isBlank', [], '   ', true],
    ['isBlank', [], null, true],
    ['isBlank', [], 'x', false],
    ['isNotBlank', [], 'x', true],
    ['isNotBlank', [], ' \n ', false],
    ['regex', ['^\\d{5}$'], ' 94105 ', true],
    ['regex', ['^\\d{5}$'], '9410', false],
    ['regex', ['^ORDER-\\d+'], 'order-42', true],
    ['regex', ['\\D'], '123', false],
    ['regex', ['(unclosed'], '(unclosed', false],
    ['regex', ['[z-a]', 'ok'], 'ok then', true],
    ['contains', ['book'], 'I want to REBOOK', true],
    ['contains', ['book'], 'hello', false],
    ['doesNotContain', ['book', 'cancel'], 'hello', true],
    ['doesNotContain', ['book', 'cancel'], 'please cancel', false],
    ['startsWith', ['stop'], ' STOP now', true],
    ['startsWith', ['stop'], 'please stop', false],
    ['doesNotStartWith', ['stop', 'end'], 'please stop', true],
    ['doesNotStartWith', ['stop', 'end'], 'End it', false],
    ['lessThan', ['10'], '9.5', true],
    ['lessThan', ['10'], '10', false],
    ['lessThan', ['10', '100'], '50', true],
    ['lessThan', ['10'], 'nine', false],
    ['lessThan', ['10'], '', false],
    ['lessThan', ['ten'], '5', false],
    ['greaterThan', ['3'], ' 4 ', true],
    ['greaterThan', ['3'], '-4', false],
    ['greaterThan', ['3'], '1e3', true],
    ['greaterThan', ['3'], '0x10', false],
    ['greaterThan', ['3'], '1,000', false],
    ['beforeTime', ['12:00'], '09:30', true],
    ['beforeTime', ['12:00'], '12:00', false],
    ['beforeTime', ['12:00'], '9am', true],
    ['beforeTime', ['12:00'], '12:30 pm', false],
    ['beforeTime', ['12:00'], '2025-03-14T11:59:00Z', true],
    ['beforeTime', ['12:00'], 'noon', false],
    ['beforeTime', ['12:00'], '9', false],
    ['afterTime', ['17:00'], '17:00:01', true],
    ['afterTime', ['5pm'], '16:59', false],
    ['afterTime', ['17:00'], '25:00', false],
    ['afterTime', ['17:00'], '2025-03-14T18:00', true],
    ['beforeDate', ['2025-03-14'], '2025-03-13', true],
    ['beforeDate', ['2025-03-14'], '2025-03-14', false],
    ['beforeDate', ['2025-03-14'], '2025-03-13T23:59:59Z', true],
    ['beforeDate', ['2025-03-14'], '2025-02-30', false],
    ['beforeDate', ['2025-03-14'], 'yesterday', false],
    ['afterDate', ['2024-12-31'], '2025-01-01', true],
    ['afterDate', ['2024-12-31'], '2024-12-31T23:00:00Z', false],
    ['afterDate', ['2024-12-31', '2025-06-01'], '2025-01-01', true],
  ];

  it.each(rows)('%s %j against %j matches: %s', (operator, values, text, matches) => {
    expect(outputFor(operator, values, text)).toBe(matches ? 'match' : ELSE_OUTPUT);
  });

  it('renders the input and every value as Liquid against the journey context', () => {
    const config: NodeConfigs['split'] = {
      input: '{{ nodes.wait_reply.reply.text | downcase }}',
      conditions: [{ output: 'same', operator: 'equals', values: ['{{ vars.expected }}'] }],
    };
    const context = { nodes: { wait_reply: { reply: { text: 'BLUE' } } }, vars: { expected: 'blue' } };
    expect(evaluateSplit(config, context)).toEqual({ output: 'same', value: 'blue' });
    expect(evaluateSplit(config, { ...context, vars: { expected: 'red' } })).toEqual({ output: ELSE_OUTPUT, value: 'blue' });
  });

  it('compares numbers a template computed', () => {
    const config: NodeConfigs['split'] = {
      input: '{{ vars.attempts | plus: 1 }}',
      conditions: [{ output: 'tooMany', operator: 'greaterThan', values: ['{{ vars.limit }}'] }],
    };
    expect(evaluateSplit(config, { vars: { attempts: 3, limit: 3 } }).output).toBe('tooMany');
    expect(evaluateSplit(config, { vars: { attempts: 1, limit: 3 } }).output).toBe(ELSE_OUTPUT);
  });

  it('leaves out values that render blank, so a missing comparand matches nothing', () => {
    expect(outputFor('contains', ['{{ vars.missing }}'], 'anything')).toBe(ELSE_OUTPUT);
    expect(outputFor('equals', ['{{ vars.missing }}'], '')).toBe(ELSE_OUTPUT);
    expect(outputFor('doesNotContain', ['{{ vars.missing }}'], 'anything')).toBe('match');
  });

  it('reads the time of a timestamp in the journey’s time zone, else UTC', () => {
    const at = '2025-03-14T16:30:00Z';
    const config: NodeConfigs['split'] = {
      input: '{{ trigger.at }}',
      conditions: [{ output: 'morning', operator: 'beforeTime', values: ['12:00'] }],
    };
    expect(evaluateSplit(config, { trigger: { at } }).output).toBe(ELSE_OUTPUT);
    expect(evaluateSplit(config, { trigger: { at }, journey: { timezone: 'America/Los_Angeles' } }).output).toBe('morning');
    expect(evaluateSplit(config, { trigger: { at }, journey: { timezone: 'Not/AZone' } }).output).toBe(ELSE_OUTPUT);
  });

  it('reads the day of a timestamp in the journey’s time zone', () => {
    const config: NodeConfigs['split'] = {
      input: '{{ trigger.at }}',
      conditions: [{ output: 'tomorrow', operator: 'afterDate', values: ['2025-03-14'] }],
    };
    const at = '2025-03-14T20:00:00Z';
    expect(evaluateSplit(config, { trigger: { at } }).output).toBe(ELSE_OUTPUT);
    expect(evaluateSplit(config, { trigger: { at }, journey: { timezone: 'Asia/Tokyo' } }).output).toBe('tomorrow');
    expect(evaluateSplit(config, { trigger: { at: '2025-03-15T01:00:00+09:00' } }).output).toBe(ELSE_OUTPUT);
  });

  it('evaluates conditions in order and takes the first match', () => {
    const config: NodeConfigs['split'] = {
      input: '{{ reply.text }}',
      conditions: [
        { output: 'stop', operator: 'equals', values: ['stop'] },
        { output: 'anything', operator: 'isNotBlank', values: [] },
      ],
    };
    expect(evaluateSplit(config, withReply(' STOP ')).output).toBe('stop');
    expect(evaluateSplit(config, withReply('stop please')).output).toBe('anything');
    expect(evaluateSplit(config, withReply(null))).toEqual({ output: ELSE_OUTPUT, value: '' });
  });

  it('renders with the function it is given', () => {
    const seen: string[] = [];
    const render = (template: string): string => {
      seen.push(template);
      return template === 'in' ? 'yes' : template;
    };
    const config: NodeConfigs['split'] = {
      input: 'in',
      conditions: [
        { output: 'no', operator: 'equals', values: ['no'] },
        { output: 'yes', operator: 'equals', values: ['yes'] },
        { output: 'never', operator: 'equals', values: ['unrendered'] },
      ],
    };
    expect(evaluateSplit(config, {}, render)).toEqual({ output: 'yes', value: 'yes' });
    expect(seen).toEqual(['in', 'no', 'yes']);
  });

  it('throws when a template cannot render', () => {
    expect(() => evaluateSplit({ input: '{{ reply.text | shout }}', conditions: [] }, {})).toThrow(/undefined filter/);
  });

  const operators: SplitOperator[] = [
    'equals', 'notEquals', 'matchesAnyOf', 'matchesNoneOf', 'isBlank', 'isNotBlank', 'regex', 'contains', 'doesNotContain',
    'startsWith', 'doesNotStartWith', 'lessThan', 'greaterThan', 'beforeTime', 'afterTime', 'beforeDate', 'afterDate',
  ];

  it('never throws and returns the condition’s output or else, for any text and values', () => {
    fc.assert(
      fc.property(fc.constantFrom(...operators), fc.array(fc.string(), { maxLength: 3 }), fc.string(), (operator, values, text) => {
        // Values are templates; plain text without Liquid delimiters renders as itself.
        const plain = values.map((value) => value.replace(/[{}%]/g, ''));
        expect(['match', ELSE_OUTPUT]).toContain(outputFor(operator, plain, text));
      }),
      { numRuns: 500 },
    );
  });

  it('matches a negated operator exactly when its positive operator does not', () => {
    const pairs: Array<[SplitOperator, SplitOperator]> = [
      ['equals', 'notEquals'],
      ['matchesAnyOf', 'matchesNoneOf'],
      ['contains', 'doesNotContain'],
      ['startsWith', 'doesNotStartWith'],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...pairs), fc.array(fc.stringMatching(/^[a-z ]{0,6}$/), { maxLength: 3 }), fc.stringMatching(/^[a-zA-Z ]{0,12}$/), ([positive, negated], values, text) => {
        expect(outputFor(positive, values, text) === 'match').toBe(outputFor(negated, values, text) !== 'match');
      }),
    );
  });
});
