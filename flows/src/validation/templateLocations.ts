import { assertNever } from '../assertNever';
import { nodeCatalog } from '../catalog';
import type { Assignment, FlowNode } from '../types';

/** One Liquid template inside a node's config, and where it sits. */
export interface TemplateLocation {
  /** The path inside the config, e.g. ['conditions', 0, 'values', 1]. */
  segments: Array<string | number>;
  template: string;
  /** `secrets.*` may be read here: only an HTTP request's url, header values and body. */
  allowsSecrets: boolean;
}

/** Where an HTTP request may read `secrets.*`: what goes over the wire, never into a message. */
const HTTP_SECRET_FIELDS: ReadonlySet<string> = new Set(['url', 'headers', 'body']);

/**
 * Every template of a node whose config has passed its schema: the fields its catalog entry
 * marks `template: true`, plus the templates nested in lists (assignment values, split
 * comparands, media URLs, …) that a field flag cannot point at. Each location once, in the
 * order of the catalog's fields.
 */
export function templateLocations(node: FlowNode): TemplateLocation[] {
  const found: TemplateLocation[] = [];
  const config: Readonly<Record<string, unknown>> = node.config;
  const fields: readonly { name: string; template?: boolean }[] = nodeCatalog[node.type].fields;
  for (const field of fields) {
    if (field.template !== true) continue;
    const allowsSecrets = node.type === 'httpRequest' && HTTP_SECRET_FIELDS.has(field.name);
    const value = config[field.name];
    if (typeof value === 'string') add(found, [field.name], value, allowsSecrets);
    if (!Array.isArray(value)) continue;
    value.forEach((item: unknown, index) => {
      if (typeof item === 'string') add(found, [field.name, index], item, allowsSecrets);
      else if (typeof item === 'object' && item !== null && 'value' in item) {
        add(found, [field.name, index, 'value'], item.value, allowsSecrets);
      }
    });
  }

  // Templates a field flag cannot reach, or that a catalog entry might leave unflagged.
  switch (node.type) {
    case 'send':
      add(found, ['template'], node.config.template);
      add(found, ['subject'], node.config.subject);
      add(found, ['to'], node.config.to);
      addEach(found, 'mediaUrls', node.config.mediaUrls);
      addEach(found, 'whatsappTemplateVariables', node.config.whatsappTemplateVariables);
      break;
    case 'waitForReply':
      add(found, ['repromptTemplate'], node.config.repromptTemplate);
      break;
    case 'voice.say':
      add(found, ['text'], node.config.text);
      break;
    case 'voice.play':
      add(found, ['url'], node.config.url);
      break;
    case 'voice.menu':
    case 'voice.gather':
    case 'voice.record':
      add(found, ['prompt'], node.config.prompt);
      break;
    case 'voice.connect':
      add(found, ['target'], node.config.target);
      break;
    case 'call.outbound':
      add(found, ['to'], node.config.to);
      break;
    case 'split':
      add(found, ['input'], node.config.input);
      node.config.conditions.forEach((condition, index) =>
        condition.values.forEach((value, valueIndex) => add(found, ['conditions', index, 'values', valueIndex], value)),
      );
      break;
    case 'intent':
      add(found, ['input'], node.config.input);
      break;
    case 'setVariables':
      addValues(found, 'assignments', node.config.assignments);
      break;
    case 'updateContact':
      addValues(found, 'attributes', node.config.attributes);
      break;
    case 'httpRequest':
      add(found, ['url'], node.config.url, true);
      addValues(found, 'headers', node.config.headers, true);
      add(found, ['body'], node.config.body, true);
      break;
    case 'subflow':
      addValues(found, 'inputs', node.config.inputs);
      break;
    case 'route':
      add(found, ['priority'], node.config.priority);
      addValues(found, 'attributes', node.config.attributes);
      break;
    case 'handoff':
      add(found, ['summary'], node.config.summary);
      add(found, ['recommendedTemplate'], node.config.recommendedTemplate);
      addValues(found, 'attributes', node.config.attributes);
      break;
    case 'end':
      addValues(found, 'returns', node.config.returns);
      break;
    case 'trigger.inboundMessage':
    case 'trigger.inboundCall':
    case 'trigger.missedCall':
    case 'trigger.event':
    case 'trigger.schedule':
    case 'trigger.subflow':
    case 'waitForEvent':
    case 'voice.hangup':
    case 'abSplit':
    case 'delay':
    case 'waitUntil':
    case 'businessHours':
    case 'placeholder':
      break;
    default:
      assertNever(node, 'node type');
  }
  return found;
}

/*
 * Plain functions rather than closures per node: validation runs on every edit of flows of
 * thousands of nodes, and allocating three closures per node showed in the profile.
 */
function add(found: TemplateLocation[], segments: Array<string | number>, template: unknown, allowsSecrets = false): void {
  if (typeof template !== 'string') return;
  const duplicate = found.some(
    (location) =>
      location.segments.length === segments.length && location.segments.every((segment, index) => segment === segments[index]),
  );
  if (!duplicate) found.push({ segments, template, allowsSecrets });
}

function addEach(found: TemplateLocation[], name: string, templates: readonly string[]): void {
  templates.forEach((template, index) => add(found, [name, index], template));
}

function addValues(found: TemplateLocation[], name: string, assignments: readonly Assignment[], allowsSecrets = false): void {
  assignments.forEach((assignment, index) => add(found, [name, index, 'value'], assignment.value, allowsSecrets));
}
