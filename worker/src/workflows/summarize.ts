/**
 * A one-line preview of a template for Temporal UI summaries: "Sorry we missed your call…".
 * Cut on a word boundary so the UI never shows half a word.
 */
export function previewText(text: string, maxLength = 32): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= maxLength) return line;
  const cut = line.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:—–-]+$/, '')}…`;
}
