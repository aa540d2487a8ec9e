import { describe, expect, it } from 'vitest';
import { defaultConfigOf, nodeTypes } from '@threadline/flows';
import { summarizeConfig } from './configSummary';
import { daysSummary } from './scheduleSummary';

describe('the one-line summary on a node card', () => {
  it('says something for every node type with its catalog defaults', () => {
    for (const type of nodeTypes) {
      const summary = summarizeConfig(type, { ...defaultConfigOf(type) });
      expect(summary, type).not.toBe('');
      expect(summary, type).not.toMatch(/undefined|\[object/);
    }
  });

  it('never throws on a config being edited, whatever its shape', () => {
    for (const type of nodeTypes) {
      for (const config of [{}, { conditions: 'x', options: 3, branches: [null], schedule: 'no', assignments: [{}] }]) {
        expect(() => summarizeConfig(type, config), type).not.toThrow();
      }
    }
  });

  it('shows a message with its channel and the start of its text', () => {
    expect(summarizeConfig('send', { channel: 'sms', template: 'Hi {{ contact.firstName }}, here is the booking link you asked for' })).toBe(
      'SMS: Hi {{ contact.firstName }}, here is the…',
    );
    expect(summarizeConfig('send', { channel: 'whatsapp', template: 'Heads up', to: '+15550100' })).toBe('WhatsApp to +15550100: Heads up');
  });

  it('lists a menu by key and output', () => {
    const config = { options: [{ output: 'textMe', digit: '1', phrases: [] }, { output: 'agent', digit: '2', phrases: [] }, { output: 'sales', phrases: ['sales'] }] };
    expect(summarizeConfig('voice.menu', config)).toBe('Menu: 1 textMe, 2 agent, sales');
  });

  it('reads delays, A/B shares, captures and subflow pins as a person would say them', () => {
    expect(summarizeConfig('delay', { duration: '24h' })).toBe('Wait 24h');
    expect(summarizeConfig('abSplit', { branches: [{ output: 'a', weight: 3 }, { output: 'b', weight: 1 }] })).toBe('A/B: a 75%, b 25%');
    expect(summarizeConfig('voice.gather', { input: 'dtmf', saveAs: 'order' })).toBe('Gather digits → vars.order');
    expect(summarizeConfig('subflow', { flowId: 'collect-address', version: 3 })).toBe('Run collect-address (v3)');
    expect(summarizeConfig('subflow', { flowId: 'collect-address', version: 'latest' })).toBe('Run collect-address (latest)');
  });

  it('shows opening hours compactly, with their zone and closed dates', () => {
    const schedule = {
      timezone: 'Europe/London',
      hours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' }, { days: ['sat'], from: '10:00', to: '14:00' }],
      holidays: ['2025-12-25'],
    };
    expect(summarizeConfig('businessHours', { schedule })).toBe('Open Mon–Fri 09:00–17:00, Sat 10:00–14:00 (Europe/London) +1 holiday');
  });

  it('collapses runs of three or more days and keeps shorter ones apart', () => {
    expect(daysSummary(['sat', 'sun'])).toBe('Sat, Sun');
    expect(daysSummary(['mon', 'tue', 'wed', 'fri'])).toBe('Mon–Wed, Fri');
    expect(daysSummary(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'])).toBe('every day');
  });

  it("says what an imported stand-in was, so it can be replaced", () => {
    expect(summarizeConfig('placeholder', { note: 'Studio pay widget', source: 'twilio-studio:capture-payments' })).toBe('Studio pay widget');
    expect(summarizeConfig('placeholder', { source: 'twilio-studio:capture-payments' })).toBe('Stand-in from twilio-studio:capture-payments');
  });
});
