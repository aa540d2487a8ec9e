import { previewText } from '../summarize';

/**
 * The activity's summary in the Temporal UI, from the URL as the flow writes it (so never a
 * secret's value): "GET orders.example.com/api/orders/…", cut where the first template begins.
 */
export function httpRequestSummary(method: string, urlTemplate: string): string {
  const withoutScheme = urlTemplate.trim().replace(/^https?:\/\//i, '');
  const markup = withoutScheme.search(/\{\{|\{%/);
  const literal = markup < 0 ? withoutScheme : `${withoutScheme.slice(0, markup)}…`;
  const shown = literal === '…' ? 'a templated URL' : literal;
  return `${method} ${previewText(shown, 60)}`;
}
