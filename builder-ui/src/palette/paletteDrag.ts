import type { NodeType } from '@threadline/flows/types';
import { isNodeType } from '@threadline/flows';

/** The palette and the canvas agree on this one MIME type for a dragged node type. */
const NODE_TYPE_MIME = 'application/x-threadline-node-type';

export function writeDraggedNodeType(transfer: DataTransfer, type: NodeType): void {
  transfer.setData(NODE_TYPE_MIME, type);
  transfer.effectAllowed = 'move';
}

/** The node type being dropped, or null when the drop carries something else (a file, text). */
export function readDraggedNodeType(transfer: DataTransfer): NodeType | null {
  const value = transfer.getData(NODE_TYPE_MIME);
  return isNodeType(value) ? value : null;
}
