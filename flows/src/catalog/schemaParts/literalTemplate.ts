/**
 * True when a Liquid template holds no output or tag markup, so it renders to itself and its
 * value can be checked when the flow is saved (a regex that must compile, a number, a date).
 * A template with markup is only known at run time; validation checks that it parses.
 */
export function isLiteralTemplate(template: string): boolean {
  return !template.includes('{{') && !template.includes('{%');
}
