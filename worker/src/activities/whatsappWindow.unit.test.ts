import { Liquid } from 'liquidjs';
import { describe, expect, it } from 'vitest';
import { chooseWhatsappContent, describeWhatsappTemplate, insideWhatsappWindow, OUTSIDE_WINDOW_NO_TEMPLATE, WhatsappTemplateVariableError } from './whatsappWindow';

const HOUR = 60 * 60 * 1000;
const now = new Date('2026-03-02T12:00:00.000Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * HOUR);

const liquid = new Liquid({ strictVariables: true });
const context = { contact: { firstName: 'Ada' }, vars: { slot: 'Tue 10:00' } };
const render = (template: string) => liquid.parseAndRenderSync(template, context) as string;

const reminder = { name: 'appointment_reminder', language: 'en_US', variables: ['{{ contact.firstName }}', '{{ vars.slot }}'] };

describe('the WhatsApp 24-hour window', () => {
  it('is open while the last inbound message is less than 24 hours old, and closed at 24 hours or with none', () => {
    expect(insideWhatsappWindow(hoursAgo(23.9), now)).toBe(true);
    expect(insideWhatsappWindow(hoursAgo(24), now)).toBe(false);
    expect(insideWhatsappWindow(hoursAgo(30), now)).toBe(false);
    expect(insideWhatsappWindow(null, now)).toBe(false);
  });

  it('sends the free-form body inside the window even when a template is set', () => {
    expect(chooseWhatsappContent({ lastInboundAt: hoursAgo(2), now, template: reminder, render })).toEqual({ kind: 'freeForm' });
  });

  it('sends the template outside the window with its positional variables rendered with Liquid', () => {
    expect(chooseWhatsappContent({ lastInboundAt: hoursAgo(25), now, template: reminder, render })).toEqual({
      kind: 'template',
      name: 'appointment_reminder',
      language: 'en_US',
      variables: ['Ada', 'Tue 10:00'],
    });
    expect(chooseWhatsappContent({ lastInboundAt: null, now, template: { name: 'welcome', variables: [] }, render })).toEqual({
      kind: 'template',
      name: 'welcome',
      language: 'en',
      variables: [],
    });
  });

  it('refuses a send outside the window when no template is set, saying why', () => {
    expect(chooseWhatsappContent({ lastInboundAt: hoursAgo(48), now, template: undefined, render })).toEqual({ kind: 'refused', reason: OUTSIDE_WINDOW_NO_TEMPLATE });
    expect(OUTSIDE_WINDOW_NO_TEMPLATE).toBe("outside WhatsApp's 24-hour window and no template set");
  });

  it('lets a variable that does not render fail the send like its body would, naming the variable', () => {
    const broken = { name: 'welcome', variables: ['{{ contact.firstName }}', '{{ vars.missing }}'] };
    expect(() => chooseWhatsappContent({ lastInboundAt: null, now, template: broken, render })).toThrow(WhatsappTemplateVariableError);
    expect(() => chooseWhatsappContent({ lastInboundAt: null, now, template: broken, render })).toThrow(/^variable \{\{2\}\} of welcome: .*missing/);
  });

  it('reads a template send for people as its name, language and variables', () => {
    expect(describeWhatsappTemplate({ name: 'order_delayed', language: 'en', variables: ['1234', 'Friday'] })).toBe('template order_delayed (en): 1234, Friday');
    expect(describeWhatsappTemplate({ name: 'welcome', language: 'pt_BR', variables: [] })).toBe('template welcome (pt_BR)');
  });
});
