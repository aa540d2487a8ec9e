import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { nodeCatalog, type FieldKind } from '@threadline/flows';
import { FieldControl } from './FieldControl';
import type { FieldControlProps } from './fieldProps';

// Rendered to static HTML: what the control shows for a value, with no browser. Typing into the
// controls is covered by the browser test (test/browser/builderCatalog.test.ts).
function render(kind: FieldKind, props: Partial<FieldControlProps> & { value: unknown }): string {
  return renderToStaticMarkup(
    createElement(FieldControl, {
      kind,
      name: 'field',
      onChange: () => undefined,
      options: [],
      placeholder: undefined,
      required: true,
      template: false,
      defaultValue: undefined,
      ...props,
    }),
  );
}

const splitOperators = nodeCatalog.split.fields.find((field) => field.name === 'conditions')?.options ?? [];

describe('the inspector controls', () => {
  it("offers a split's seventeen operators by the catalog's labels", () => {
    const html = render('conditions', { value: [{ output: 'yes', operator: 'equals', values: ['yes'] }], options: splitOperators });
    expect(splitOperators).toHaveLength(17);
    for (const option of splitOperators) expect(html).toContain(`>${option.label}</option>`);
  });

  it('hides the values of a condition that compares with nothing', () => {
    const blank = render('conditions', { value: [{ output: 'silent', operator: 'isBlank', values: [] }], options: splitOperators });
    const equals = render('conditions', { value: [{ output: 'yes', operator: 'equals', values: ['yes'] }], options: splitOperators });
    expect(blank).not.toContain('field-0-values');
    expect(equals).toContain('field-0-values');
  });

  it('shows a JSON value formatted, and an optional select as possibly not set', () => {
    expect(render('json', { value: [{ name: 'amount', type: 'number', required: true }] })).toContain('&quot;amount&quot;');
    expect(render('select', { value: undefined, required: false, options: [{ value: 'sms', label: 'SMS' }] })).toContain('not set');
  });

  it('gives setVariables rows a type picker, from the catalog default, even with no rows left', () => {
    const defaults = nodeCatalog.setVariables.defaults.assignments;
    const html = render('assignments', { value: [], defaultValue: defaults });
    expect(html).not.toContain('<select');
    const withRow = render('assignments', { value: [{ name: 'n', value: '1', type: 'number' }], defaultValue: defaults });
    expect(withRow).toContain('field-0-type');
    expect(render('assignments', { value: [{ name: 'h', value: 'v' }], defaultValue: [] })).not.toContain('field-0-type');
  });

  it('draws a weekly schedule with its days switched on', () => {
    const html = render('schedule', { value: { hours: [{ days: ['mon', 'fri'], from: '09:00', to: '17:00' }], holidays: ['2025-12-25'] } });
    expect(html.match(/weekday is-on/g)).toHaveLength(2);
    expect(html).toContain('value="2025-12-25"');
  });
});
