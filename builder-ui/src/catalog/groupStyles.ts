import type { NodeGroup } from '@threadline/flows';
import type { CSSProperties } from 'react';

export interface GroupStyle {
  /** The palette heading. */
  title: string;
  /** The group's accent: the card's top border, its icon, its handles and its minimap square. */
  color: string;
}

/**
 * How each palette group looks (the palette's order is the catalog's NODE_GROUPS). A Record keyed
 * by every group, so a new group fails the typecheck here until it has a colour. The colours are
 * distinct at a glance on white and in the minimap, where only colour tells nodes apart.
 */
export const groupStyles: Readonly<Record<NodeGroup, GroupStyle>> = {
  trigger: { title: 'Triggers', color: '#7a5af8' },
  message: { title: 'Messages', color: '#2f6fed' },
  voice: { title: 'Voice', color: '#dd2590' },
  logic: { title: 'Logic', color: '#0e9384' },
  data: { title: 'Data', color: '#dc6803' },
  flow: { title: 'Flow', color: '#4e5ba6' },
  people: { title: 'People', color: '#039855' },
  end: { title: 'End', color: '#667085' },
};

/** The inline style that gives a palette item or a node card its group's accent (see styles.css). */
export function groupColorStyle(group: NodeGroup): CSSProperties {
  return { '--group-color': groupStyles[group].color };
}
