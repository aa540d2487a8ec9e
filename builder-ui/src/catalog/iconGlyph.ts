/**
 * The catalog names each node's icon after lucide (https://lucide.dev/icons); the builder draws
 * it as one character that the DejaVu fonts of a bare Debian Chromium render too, so the canvas
 * needs no icon font or extra package. Several lucide names that a catalog entry might pick for
 * the same idea share a glyph; a name not listed falls back to a neutral dot, never a crash.
 */
const glyphs: Readonly<Record<string, string>> = {
  // Triggers and calls
  'phone-missed': '☎',
  'phone-incoming': '✆',
  phone: '✆',
  'phone-call': '☏',
  'phone-outgoing': '☏',
  'phone-forwarded': '⇄',
  'phone-off': '✕',
  'phone-x': '✕',
  'message-square-plus': '✉',
  'message-square': '✉',
  'message-square-text': '✉',
  'message-circle': '✉',
  'messages-square': '✉',
  mail: '✉',
  zap: '⚡',
  webhook: '⚡',
  radio: '◎',
  'radio-tower': '◎',
  bell: '◎',
  'calendar-clock': '▦',
  'calendar-days': '▦',
  calendar: '▦',
  clock: '◷',
  'clock-3': '◷',
  'alarm-clock': '◷',
  'corner-down-right': '↳',
  'log-in': '↳',
  'arrow-right-to-line': '↳',
  // Messages
  send: '➤',
  'send-horizontal': '➤',
  hourglass: '◔',
  timer: '◑',
  'message-square-reply': '◔',
  reply: '◔',
  inbox: '◔',
  // Voice
  'volume-2': '▶',
  volume: '▶',
  speech: '❝',
  megaphone: '♪',
  'audio-lines': '❝',
  play: '▶',
  'circle-play': '▶',
  music: '▶',
  'list-ordered': '☰',
  list: '☰',
  'grid-3x3': '☰',
  'layout-list': '☰',
  keyboard: '⌨',
  mic: '◉',
  'text-cursor-input': '⌨',
  'form-input': '⌨',
  voicemail: '◉',
  disc: '◉',
  'circle-dot': '◉',
  headset: '☏',
  // Logic
  split: '⋔',
  'git-branch': '⋔',
  'git-fork': '⋔',
  signpost: '⋔',
  brain: '✦',
  sparkles: '✦',
  tags: '✦',
  shuffle: '⚄',
  dices: '⚄',
  dice: '⚄',
  percent: '⚄',
  'flask-conical': '⚗',
  sunrise: '☼',
  sun: '☼',
  'calendar-range': '▦',
  building: '▦',
  'building-2': '▦',
  store: '▦',
  briefcase: '▦',
  // Data
  variable: '≔',
  braces: '≔',
  'square-function': '≔',
  'square-pen': '≔',
  pencil: '✎',
  'user-pen': '☺',
  'user-cog': '☺',
  'user-round-pen': '☺',
  'contact-round': '☺',
  contact: '☺',
  user: '☺',
  globe: '⇅',
  cloud: '☁',
  'cloud-download': '☁',
  server: '⇅',
  'arrow-up-down': '⇅',
  // Flow
  workflow: '❐',
  layers: '❐',
  component: '❐',
  box: '❐',
  'git-pull-request': '❐',
  // People
  users: '☷',
  'users-round': '☷',
  route: '⇶',
  'user-check': '☛',
  hand: '☛',
  'hand-helping': '☛',
  handshake: '☛',
  // End and stand-ins
  flag: '⚑',
  'flag-triangle-right': '⚑',
  'circle-stop': '⚑',
  'octagon-x': '⚑',
  'triangle-alert': '⚠',
  'alert-triangle': '⚠',
  construction: '⚠',
  puzzle: '⚠',
  'circle-help': '⚠',
  'file-question': '⚠',
};

// Neutral on purpose: an unknown icon should look unremarkable, not broken.
const FALLBACK_GLYPH = '●';

export function iconGlyph(icon: string): string {
  return Object.hasOwn(glyphs, icon) ? (glyphs[icon] ?? FALLBACK_GLYPH) : FALLBACK_GLYPH;
}

/** True when the builder draws this icon name with its own glyph rather than the fallback. */
export function hasIconGlyph(icon: string): boolean {
  return Object.hasOwn(glyphs, icon);
}
