import { describe, expect, it } from 'vitest';
import { coerceFieldText } from './coerceFieldText';

describe('storing what is typed into a text field', () => {
  const subflow = { flowId: 'collect-address', version: 'latest', inputs: [] };

  it("pins a subflow's version as a number when digits are typed", () => {
    expect(coerceFieldText('subflow', subflow, 'version', '3')).toBe(3);
    expect(coerceFieldText('subflow', subflow, 'version', 'latest')).toBe('latest');
  });

  it('keeps digits as text where the schema takes text', () => {
    expect(coerceFieldText('end', { outcome: 'converted', returns: [] }, 'outcome', '42')).toBe('42');
    expect(coerceFieldText('send', { channel: 'sms', template: 'x', mediaUrls: [], whatsappTemplateVariables: [] }, 'template', '2024')).toBe('2024');
  });
});
