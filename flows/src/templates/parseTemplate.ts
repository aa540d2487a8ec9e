import type { Template } from 'liquidjs';
import { BoundedCache } from './boundedCache';
import { liquidEngine } from './liquidEngine';

/** Enough for every template of many flows at once. */
const parsed = new BoundedCache<Template[]>(2_000);

/**
 * Parses a template once and keeps it: a journey renders the same few templates over and over,
 * and validation reads the same ones on every edit. Throws liquidjs's error for a template that
 * does not parse.
 */
export function parseTemplate(source: string): Template[] {
  const cached = parsed.get(source);
  if (cached !== undefined) return cached;
  const templates = liquidEngine.parse(source);
  parsed.set(source, templates);
  return templates;
}

/**
 * True when the text holds no Liquid markup at all, so it renders as itself and reads nothing
 * (most message bodies and split values). Parsing is the costly part of Liquid; this skips it.
 */
export function isPlainText(source: string): boolean {
  return !source.includes('{{') && !source.includes('{%');
}
