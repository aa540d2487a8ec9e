/**
 * Splits "price, cost, {{ vars.a | join: ', ' }}" into its items: commas inside a Liquid tag
 * (`{{ … }}`, `{% … %}`) belong to the template, not to the list. Items are trimmed and empty
 * ones dropped.
 */
export function splitCommaList(text: string): string[] {
  const items: string[] = [];
  let current = '';
  let insideTag = false;
  for (let i = 0; i < text.length; i += 1) {
    const pair = text.slice(i, i + 2);
    if (!insideTag && (pair === '{{' || pair === '{%')) {
      insideTag = true;
      current += pair;
      i += 1;
    } else if (insideTag && (pair === '}}' || pair === '%}')) {
      insideTag = false;
      current += pair;
      i += 1;
    } else if (!insideTag && text[i] === ',') {
      items.push(current);
      current = '';
    } else {
      current += text[i] ?? '';
    }
  }
  items.push(current);
  return items.map((item) => item.trim()).filter((item) => item !== '');
}

export function joinCommaList(items: readonly string[]): string {
  return items.join(', ');
}
