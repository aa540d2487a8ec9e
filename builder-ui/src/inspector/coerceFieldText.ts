import { nodeCatalog } from '@threadline/flows';
import type { NodeType } from '@threadline/flows/types';

/**
 * What a typed text field stores. Nearly always the text itself; but a few text fields take a
 * number or a word (subflow's version: 3 or "latest"), so digits are stored as a number when the
 * node's schema accepts the number there and not the text. The schema decides, not a list here.
 */
export function coerceFieldText<T extends NodeType>(type: T, config: Record<string, unknown>, field: string, text: string): string | number {
  if (!/^-?\d+(\.\d+)?$/.test(text.trim())) return text;
  const asNumber = Number(text);
  const schema = nodeCatalog[type].configSchema;
  const issuesAt = (value: unknown): number => {
    const parsed = schema.safeParse({ ...config, [field]: value });
    return parsed.success ? 0 : parsed.error.issues.filter((issue) => issue.path[0] === field).length;
  };
  return issuesAt(text) > 0 && issuesAt(asNumber) === 0 ? asNumber : text;
}
