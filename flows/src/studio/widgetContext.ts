import type { FlowEdge, FlowNode, NodePosition } from '../types';
import type { StudioState, StudioTransition } from './studioFlowSchema';
import { rewriteStudioTemplate, type WidgetTarget } from './rewriteStudioTemplate';
import type { StudioImportReport } from './studioImportReport';
import type { UniqueNames } from './studioNames';

/** Where a Studio transition leaves from in Threadline: a node's output. */
export interface Exit {
  from: string;
  output: string;
}

/** The nodes a widget became, where its incoming transitions land and where its own leave from. */
export interface WidgetMapping {
  nodes: Array<{ node: FlowNode; position: NodePosition }>;
  /** The node that transitions into the widget lead to. */
  entry: string;
  /** One list per transition of the widget, in its order: the outputs that take that transition. */
  exits: Exit[][];
  /** Edges inside the widget's own nodes (send → wait for send-and-wait). */
  edges: FlowEdge[];
  /** True when the widget became a placeholder. */
  unmapped?: boolean;
}

/**
 * What a mapper reads a widget through: its properties with Studio's loose typing smoothed
 * (numbers written as strings, booleans as "true"), templates rewritten to Threadline paths,
 * and a place to note what could only be approximated.
 */
export class WidgetContext {
  readonly notes: string[] = [];

  constructor(
    readonly state: StudioState,
    readonly nodeId: string,
    readonly position: NodePosition,
    private readonly widgets: ReadonlyMap<string, WidgetTarget>,
    private readonly ids: UniqueNames,
    private readonly report: StudioImportReport,
  ) {}

  get transitions(): StudioTransition[] {
    return this.state.transitions;
  }

  /** A raw property, whatever its type. */
  property(key: string): unknown {
    return this.state.properties[key];
  }

  /** A property as text ("" and missing alike give undefined); numbers are written out. */
  text(key: string): string | undefined {
    const value = this.property(key);
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value !== 'string' || value.trim() === '') return undefined;
    return value;
  }

  /** A property as a Liquid template with Studio's paths rewritten; undefined when empty. */
  template(key: string): string | undefined {
    const value = this.text(key);
    return value === undefined ? undefined : this.rewrite(value, `properties.${key}`);
  }

  /** Rewrites any Studio template found at `field` of this widget, noting what it could not map. */
  rewrite(value: string, field: string): string {
    const result = rewriteStudioTemplate(value, this.widgets);
    for (const note of result.notes) this.approximate(`${field}: ${note}`);
    for (const reference of result.dangling) {
      this.report.danglingReferences.push({ widget: this.state.name, field, reference });
    }
    return result.text;
  }

  /** A property as a whole number, accepting Studio's numbers written as strings. */
  integer(key: string): number | undefined {
    const value = this.property(key);
    const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : NaN;
    return Number.isSafeInteger(number) ? number : undefined;
  }

  /**
   * A whole-number property held within what the Threadline node accepts; a value outside is
   * brought to the nearest bound, with a note.
   */
  boundedInteger(key: string, min: number, max: number, fallback: number): number {
    const value = this.integer(key);
    if (value === undefined) return fallback;
    const bounded = Math.min(max, Math.max(min, value));
    if (bounded !== value) this.approximate(`its ${key} ${value} became ${bounded}, the nearest Threadline allows`);
    return bounded;
  }

  /** A text property that must match `pattern` to be kept; anything else is dropped, with a note. */
  matching(key: string, pattern: RegExp): string | undefined {
    const value = this.text(key);
    if (value === undefined || pattern.test(value)) return value;
    this.approximate(`its ${key} "${value}" is not one Threadline accepts and was left out`);
    return undefined;
  }

  /** Marks the widget as impossible to map after all; it becomes a placeholder saying why. */
  unmappable(reason: string): undefined {
    this.unmappableReason = reason;
    return undefined;
  }

  unmappableReason: string | undefined;

  /** A property as a boolean, accepting Studio's "true" / "false" strings. */
  boolean(key: string): boolean | undefined {
    const value = this.property(key);
    if (typeof value === 'boolean') return value;
    if (value === 'true') return true;
    if (value === 'false') return false;
    return undefined;
  }

  /** Records that the widget's meaning is kept only approximately, and how. */
  approximate(note: string): void {
    this.notes.push(note);
  }

  /** A fresh node id for an extra node this widget needs, e.g. "<id>_send". */
  extraNodeId(suffix: string): string {
    return this.ids.claim(`${this.nodeId}_${suffix}`.slice(0, 64));
  }

  /** A position near the widget's, for an extra node. */
  near(dx: number, dy: number): NodePosition {
    return { x: this.position.x + dx, y: this.position.y + dy };
  }

  /**
   * The exits of each transition from a table by Studio event. An event the table does not know
   * is dropped, with a note when it led somewhere, since that path is lost.
   */
  exitsByEvent(table: Readonly<Record<string, readonly Exit[]>>): Exit[][] {
    return this.transitions.map((transition) => {
      const exits = Object.hasOwn(table, transition.event) ? table[transition.event] : undefined;
      if (exits !== undefined) return [...exits];
      if (hasNext(transition)) {
        this.approximate(`its "${transition.event}" transition has no Threadline equivalent and was dropped`);
      }
      return [];
    });
  }
}

/** True when a transition leads somewhere (Studio ends the execution when `next` is missing or ""). */
export function hasNext(transition: StudioTransition): transition is StudioTransition & { next: string } {
  return typeof transition.next === 'string' && transition.next !== '';
}

/** Whole seconds as Threadline duration text, in the largest unit that divides them. */
export function durationOfSeconds(seconds: number | undefined, fallback: string): string {
  if (seconds === undefined || seconds <= 0) return fallback;
  if (seconds % 86_400 === 0) return `${seconds / 86_400}d`;
  if (seconds % 3_600 === 0) return `${seconds / 3_600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}
