import { liquidEngine } from './liquidEngine';
import { pathText, type TemplateReference } from './templatePath';

/*
 * Most templates in a flow are text with output tags: `Hi {{ contact.firstName | default: "there" }}`,
 * `{{ nodes.wait_1.reply.text }}`. liquidjs parses and analyses one in tens of microseconds, which
 * adds up over the thousands of templates of a big flow; this scanner reads that common shape
 * directly in a couple of microseconds and gives exactly the references liquidjs's static analysis
 * would (outputReferenceScanner.test.ts checks it against liquidjs on generated templates).
 *
 * The shape, and nothing else: text, and output tags `{{ value | filter: arg, arg | filter }}`
 * (with or without the `-` whitespace control) whose value and arguments are each
 *   - a path: a name, then `.name`, `["quoted"]` or `[digits]` parts (`nodes["wait-1"].reply`),
 *   - a quoted string without backslashes, which may hold `}}`, `|`, `,` or `]`,
 *   - a decimal number (`3`, `-1`, `2.5`),
 * and whose filters are all registered on the engine (strictFilters: an unknown one is liquidjs's
 * error to report). Anything else — any `{%` tag, operators, keyword arguments, ranges, a variable
 * inside brackets, a backslash in a tag, a name that is a Liquid literal or operator — is `undefined`, and
 * the caller asks liquidjs. The scanner never reports an error itself: a template it cannot read
 * is simply not its to judge.
 */

/** Words liquidjs reads as literals or operators wherever a value may start, never as variable names. */
const RESERVED_NAMES: ReadonlySet<string> = new Set([
  'true',
  'false',
  'nil',
  'null',
  'empty',
  'blank',
  ...Object.keys(liquidEngine.options.operators).filter((operator) => /^[A-Za-z]/.test(operator)),
]);

/** liquidjs refuses longer templates ("parse length limit exceeded"); that error is its to give. */
const PARSE_LIMIT = liquidEngine.options.parseLimit;

const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const DASH = 0x2d;
const DOT = 0x2e;
const COMMA = 0x2c;
const COLON = 0x3a;
const LEFT_BRACKET = 0x5b;
const RIGHT_BRACKET = 0x5d;
const RIGHT_BRACE = 0x7d;
const PIPE = 0x7c;
const QUESTION_MARK = 0x3f;

/** The ASCII characters liquidjs skips as blank (it also skips some Unicode spaces; those send a template to liquidjs). */
function isBlank(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isNameStart(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f;
}

function isNamePart(code: number): boolean {
  return isNameStart(code) || isDigit(code) || code === DASH;
}

/**
 * The references of `template`, in reading order, each path once; `undefined` when the template
 * is not of the simple shape above (then liquidjs must read it).
 */
export function scanOutputReferences(template: string): TemplateReference[] | undefined {
  if (template.length > PARSE_LIMIT) return undefined;
  const references = new Map<string, TemplateReference>();
  let textFrom = 0;
  for (let begin = template.indexOf('{{'); ; begin = template.indexOf('{{', textFrom)) {
    // Text runs up to the next `{{` or `{%`, whichever comes first; a tag is liquidjs's to read.
    const tag = template.indexOf('{%', textFrom);
    if (tag !== -1 && (begin === -1 || tag < begin)) return undefined;
    if (begin === -1) break;
    const end = outputEnd(template, begin);
    // A backslash escapes inside quotes, which this scanner does not unescape.
    if (end === -1 || template.lastIndexOf('\\', end - 1) >= begin) return undefined;
    // As liquidjs's DelimitedToken: one `-` inside each delimiter is whitespace control, then blanks.
    let from = begin + 2;
    let to = end - 2;
    if (template.charCodeAt(from) === DASH) from += 1;
    if (template.charCodeAt(to - 1) === DASH) to -= 1;
    while (from < to && isBlank(template.charCodeAt(from))) from += 1;
    while (to > from && isBlank(template.charCodeAt(to - 1))) to -= 1;
    if (from >= to || !new OutputReader(template, to, references).read(from)) return undefined;
    textFrom = end;
  }
  return [...references.values()];
}

/**
 * Where the output tag opening at `begin` ends (just past its `}}`), or -1 when it is never
 * closed: the first `}}` outside quotes, as liquidjs's tokenizer finds it.
 */
function outputEnd(template: string, begin: number): number {
  let at = begin;
  while (at < template.length) {
    const code = template.charCodeAt(at);
    if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
      const close = template.indexOf(template.charAt(at), at + 1);
      if (close === -1) return -1;
      at = close + 1;
      continue;
    }
    at += 1;
    if (template.charCodeAt(at - 1) === RIGHT_BRACE && template.charCodeAt(at - 2) === RIGHT_BRACE) return at;
  }
  return -1;
}

/** Reads the inside of one output tag, up to `to`; each method answers the next position, or -1 to give up. */
class OutputReader {
  constructor(
    private readonly text: string,
    private readonly to: number,
    private readonly references: Map<string, TemplateReference>,
  ) {}

  read(from: number): boolean {
    let at = this.value(from);
    while (at !== -1) {
      at = this.blanks(at);
      if (at === this.to) return true;
      if (this.text.charCodeAt(at) !== PIPE) return false;
      at = this.filter(this.blanks(at + 1));
    }
    return false;
  }

  /** `name` or `name: arg, arg`, the name registered on the engine. */
  private filter(from: number): number {
    const end = this.nameEnd(from);
    if (end === -1 || liquidEngine.filters[this.text.slice(from, end)] === undefined) return -1;
    let at = this.blanks(end);
    if (at === this.to || this.text.charCodeAt(at) !== COLON) return at;
    do {
      at = this.value(this.blanks(at + 1));
      if (at === -1) return -1;
      at = this.blanks(at);
    } while (at < this.to && this.text.charCodeAt(at) === COMMA);
    return at;
  }

  /** A path, a quoted string or a number, which must end where a value may end. */
  private value(from: number): number {
    if (from >= this.to) return -1;
    const code = this.text.charCodeAt(from);
    let end: number;
    if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) end = this.quotedEnd(from);
    else if (isDigit(code) || code === DASH) end = this.numberEnd(from);
    else end = this.path(from);
    if (end === -1 || end === this.to) return end;
    const next = this.text.charCodeAt(end);
    return isBlank(next) || next === PIPE || next === COMMA ? end : -1;
  }

  private path(from: number): number {
    let end = this.nameEnd(from);
    if (end === -1) return -1;
    const root = this.text.slice(from, end);
    if (RESERVED_NAMES.has(root)) return -1;
    const segments: Array<string | number> = [root];
    while (end < this.to) {
      const code = this.text.charCodeAt(end);
      if (code === DOT) {
        const nameEnd = this.nameEnd(end + 1);
        if (nameEnd === -1) return -1;
        segments.push(this.text.slice(end + 1, nameEnd));
        end = nameEnd;
      } else if (code === LEFT_BRACKET) {
        const inside = end + 1;
        const insideEnd = this.bracketKeyEnd(inside);
        if (insideEnd === -1 || insideEnd >= this.to || this.text.charCodeAt(insideEnd) !== RIGHT_BRACKET) return -1;
        const key = this.text.slice(inside, insideEnd);
        // As liquidjs: a quoted key is its text, digits are a number (`[007]` is 7).
        segments.push(isDigit(this.text.charCodeAt(inside)) ? Number(key) : key.slice(1, -1));
        end = insideEnd + 1;
      } else {
        break;
      }
    }
    const text = pathText(segments);
    if (!this.references.has(text)) this.references.set(text, { segments, text });
    return end;
  }

  /** The end of a quoted key or of a run of digits inside brackets. */
  private bracketKeyEnd(from: number): number {
    const code = this.text.charCodeAt(from);
    if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) return this.quotedEnd(from);
    let end = from;
    while (end < this.to && isDigit(this.text.charCodeAt(end))) end += 1;
    return end === from ? -1 : end;
  }

  /** A name liquidjs reads whole: it also takes `?` and non-ASCII letters, which are left to it. */
  private nameEnd(from: number): number {
    if (from >= this.to || !isNameStart(this.text.charCodeAt(from))) return -1;
    let end = from + 1;
    while (end < this.to && isNamePart(this.text.charCodeAt(end))) end += 1;
    if (end < this.to) {
      const next = this.text.charCodeAt(end);
      if (next === QUESTION_MARK || next >= 0x80) return -1;
    }
    return end;
  }

  private quotedEnd(from: number): number {
    const close = this.text.indexOf(this.text.charAt(from), from + 1);
    return close === -1 || close >= this.to ? -1 : close + 1;
  }

  /** `-`? digits, then `.` digits or not. */
  private numberEnd(from: number): number {
    let end = this.text.charCodeAt(from) === DASH ? from + 1 : from;
    const digitsFrom = end;
    while (end < this.to && isDigit(this.text.charCodeAt(end))) end += 1;
    if (end === digitsFrom) return -1;
    if (end < this.to && this.text.charCodeAt(end) === DOT) {
      const fractionFrom = end + 1;
      end = fractionFrom;
      while (end < this.to && isDigit(this.text.charCodeAt(end))) end += 1;
      if (end === fractionFrom) return -1;
    }
    return end;
  }

  private blanks(from: number): number {
    let at = from;
    while (at < this.to && isBlank(this.text.charCodeAt(at))) at += 1;
    return at;
  }
}
