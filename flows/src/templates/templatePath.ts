/** A path a template reads from the journey context, e.g. ['nodes', 'wait_reply', 'reply', 'text']. */
export interface TemplateReference {
  segments: Array<string | number>;
  /** The path as Liquid writes it, e.g. `nodes["wait-1"].reply.text`, for messages. */
  text: string;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `contact.firstName`, `vars.items[0]`, `nodes["wait-1"].reply`. */
export function pathText(segments: ReadonlyArray<string | number>): string {
  return segments
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      if (IDENTIFIER.test(segment)) return index === 0 ? segment : `.${segment}`;
      return `[${JSON.stringify(segment)}]`;
    })
    .join('');
}
