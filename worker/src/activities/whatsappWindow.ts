/**
 * WhatsApp's 24-hour customer-service window: a business may send free-form messages only
 * while the contact's last inbound WhatsApp message is less than 24 hours old; outside it only
 * an approved template goes (the provider rejects anything else). The send activity asks which
 * one this send is before it claims anything, so a send that cannot go is never attempted.
 */
import { lastInboundWhatsappAt, type Store } from '../store';
import type { WhatsappTemplateInput } from './activityTypes';

export const WHATSAPP_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * The send node's `whatsappTemplate` has no language of its own yet (flows/src/catalog/send.ts):
 * templates go in this one until the catalog or the contact gives another.
 */
export const DEFAULT_WHATSAPP_TEMPLATE_LANGUAGE = 'en';

export const OUTSIDE_WINDOW_NO_TEMPLATE = "outside WhatsApp's 24-hour window and no template set";

/** The node's template as the activity gets it: the approved name, its language, and Liquid for each positional variable. */
export type WhatsappTemplateSpec = WhatsappTemplateInput;

/** A template variable that does not render: the send fails, naming it (a database error is not this, and is retried). */
export class WhatsappTemplateVariableError extends Error {
  override readonly name = 'WhatsappTemplateVariableError';
}

/** What goes to the provider: the body (inside the window), the template with its rendered variables, or nothing. */
export type WhatsappContent =
  | { kind: 'freeForm' }
  | { kind: 'template'; name: string; language: string; variables: string[] }
  | { kind: 'refused'; reason: string };

/** Whether a message received at `lastInboundAt` still opens the window at `now` (strictly less than 24 h old). */
export function insideWhatsappWindow(lastInboundAt: Date | null, now: Date): boolean {
  if (lastInboundAt === null) return false;
  return now.getTime() - lastInboundAt.getTime() < WHATSAPP_WINDOW_MS;
}

/**
 * Pure: the free-form body inside the window; outside it the template, its variables rendered
 * with Liquid against the journey context (`render` throws when one does not render, like the
 * body's), or a refusal when the node names no template.
 */
export function chooseWhatsappContent(args: {
  lastInboundAt: Date | null;
  now: Date;
  template: WhatsappTemplateSpec | undefined;
  render: (template: string) => string;
}): WhatsappContent {
  if (insideWhatsappWindow(args.lastInboundAt, args.now)) return { kind: 'freeForm' };
  const { template } = args;
  if (template === undefined) return { kind: 'refused', reason: OUTSIDE_WINDOW_NO_TEMPLATE };
  return {
    kind: 'template',
    name: template.name,
    language: template.language ?? DEFAULT_WHATSAPP_TEMPLATE_LANGUAGE,
    variables: template.variables.map((variable, index) => {
      try {
        return args.render(variable);
      } catch (error) {
        throw new WhatsappTemplateVariableError(`variable {{${index + 1}}} of ${template.name}: ${(error as Error).message}`);
      }
    }),
  };
}

/**
 * The window rule for one send to `to` (the recipient's normalised address): reads when that
 * address last wrote on WhatsApp (one `_id` read, store/whatsappWindows.ts), and only for a
 * WhatsApp send. The window belongs to the number written to, so a send to someone other than
 * the journey's contact (`to`) goes by theirs.
 */
export async function whatsappContentFor(
  store: Store,
  send: { channel: string; to: string; template: WhatsappTemplateSpec | undefined },
  now: Date,
  render: (template: string) => string,
): Promise<WhatsappContent> {
  if (send.channel !== 'whatsapp') return { kind: 'freeForm' };
  const lastInboundAt = await lastInboundWhatsappAt(store, send.to);
  return chooseWhatsappContent({ lastInboundAt, now, template: send.template, render });
}

/** How the timeline, the outbox and the sandbox read a template send: `template order_delayed (en): 1234, Friday`. */
export function describeWhatsappTemplate(content: { name: string; language: string; variables: readonly string[] }): string {
  const head = `template ${content.name} (${content.language})`;
  return content.variables.length === 0 ? head : `${head}: ${content.variables.join(', ')}`;
}
