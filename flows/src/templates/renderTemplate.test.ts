import { describe, expect, it } from 'vitest';
import { renderTemplate } from './renderTemplate';

const context = {
  contact: { firstName: 'Ada', phone: '+14155550123', tags: ['lead', 'vip'] },
  vars: { count: '2', items: ['first', 'second'] },
  nodes: { 'wait-1': { reply: { text: 'How much?' } }, lookup: { body: { order: { status: 'shipped' } } } },
  trigger: { at: '2025-03-14T16:05:00Z' },
  journey: { now: '2025-03-14T23:30:00Z' },
};

describe('renderTemplate', () => {
  it('renders paths into the journey context, with filters', () => {
    expect(renderTemplate('Hi {{ contact.firstName | upcase }}, order {{ nodes.lookup.body.order.status }}', context)).toBe(
      'Hi ADA, order shipped',
    );
  });

  it('reads bracketed node ids and array indexes', () => {
    expect(renderTemplate('{{ nodes["wait-1"].reply.text }} / {{ vars.items[1] }} / {{ vars.items.first }}', context)).toBe(
      'How much? / second / first',
    );
  });

  it('supports assign, counters and control flow', () => {
    const template = '{% assign next = vars.count | plus: 1 %}{{ next }}{% if contact.tags contains "vip" %} VIP{% endif %}';
    expect(renderTemplate(template, context)).toBe('3 VIP');
  });

  it('renders a value the journey lacks as empty, rather than failing', () => {
    expect(renderTemplate('Hi {{ contact.lastName }}!', context)).toBe('Hi !');
    expect(renderTemplate('{{ reply.text }}', { reply: null })).toBe('');
  });

  it('does not read inherited properties', () => {
    expect(renderTemplate('[{{ contact.constructor }}][{{ contact.__proto__ }}][{{ vars.items.constructor }}]', context)).toBe('[][][]');
  });

  it('throws on an unknown filter, naming it', () => {
    expect(() => renderTemplate('{{ contact.firstName | shout }}', context)).toThrow(/undefined filter: shout/);
  });

  it('throws on a template that does not parse', () => {
    expect(() => renderTemplate('Hi {{ contact.firstName', context)).toThrow(/not closed/);
  });

  it('refuses include, render and layout without touching a file system', () => {
    for (const tag of ['{% include "footer" %}', '{% render "footer" %}', '{% layout "base" %}']) {
      expect(() => renderTemplate(tag, context)).toThrow(/cannot load other templates/);
    }
  });

  it('formats dates in UTC unless the journey has a time zone', () => {
    expect(renderTemplate('{{ trigger.at | date: "%H:%M" }}', context)).toBe('16:05');
    const inParis = { ...context, journey: { ...context.journey, timezone: 'Europe/Paris' } };
    expect(renderTemplate('{{ trigger.at | date: "%H:%M" }}', inParis)).toBe('17:05');
    expect(renderTemplate('{{ trigger.at | date: "%H:%M", "America/New_York" }}', inParis)).toBe('12:05');
  });

  it('reads "now" from journey.now, never from the machine clock', () => {
    expect(renderTemplate('{{ "now" | date: "%Y-%m-%d %H:%M" }}', context)).toBe('2025-03-14 23:30');
    const inTokyo = { ...context, journey: { ...context.journey, timezone: 'Asia/Tokyo' } };
    expect(renderTemplate('{{ "today" | date: "%Y-%m-%d" }}', inTokyo)).toBe('2025-03-15');
    expect(renderTemplate('{{ "now" | date: "%Y" }}', { journey: { now: new Date('2030-06-01T00:00:00Z') } })).toBe('2030');
    expect(() => renderTemplate('{{ "now" | date: "%Y" }}', {})).toThrow(/journey\.now/);
  });

  it('renders the same template against different contexts from its cached parse', () => {
    const template = 'Hello {{ contact.firstName }}';
    expect(renderTemplate(template, { contact: { firstName: 'Ada' } })).toBe('Hello Ada');
    expect(renderTemplate(template, { contact: { firstName: 'Grace' } })).toBe('Hello Grace');
  });

  it('renders numbers and booleans as text', () => {
    expect(renderTemplate('{{ n }} {{ b }} {{ n | times: 2 }}', { n: 21, b: true })).toBe('21 true 42');
  });
});
