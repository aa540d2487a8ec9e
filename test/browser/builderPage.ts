import type { Locator, Page } from 'playwright-core';

/**
 * Gestures on the builder as a person makes them: real mouse drags for the palette (Chromium
 * turns them into HTML5 drag and drop) and for wiring handles (React Flow listens to the mouse).
 */
export function builderPage(page: Page) {
  const byTestId = (id: string): Locator => page.getByTestId(id);

  async function centerOf(locator: Locator): Promise<{ x: number; y: number }> {
    const box = await locator.boundingBox();
    if (!box) throw new Error(`not visible: ${String(locator)}`);
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  return {
    byTestId,

    /** Drags a node type from the palette onto the canvas, at a point relative to the canvas. */
    async dropNode(type: string, at: { x: number; y: number }): Promise<void> {
      await byTestId(`palette-item-${type}`).dragTo(byTestId('canvas'), { targetPosition: at });
    },

    /** Drags from one node's output handle to another node's input handle. */
    async connect(sourceNodeId: string, output: string, targetNodeId: string): Promise<void> {
      const from = await centerOf(byTestId(`handle-${sourceNodeId}-${output}`));
      const to = await centerOf(byTestId(`handle-${targetNodeId}-in`));
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
      await page.mouse.move(to.x, to.y, { steps: 5 });
      await page.mouse.up();
    },

    /** Removes a node as a person would: select it, then Delete in the inspector. */
    async deleteNode(nodeId: string): Promise<void> {
      await byTestId(`rf-node-${nodeId}`).locator('.flow-node-label').click();
      await byTestId('inspector-delete').click();
      await byTestId(`rf-node-${nodeId}`).waitFor({ state: 'detached' });
    },

    /** Selects a node by clicking its title, away from its handles. */
    async select(nodeId: string): Promise<void> {
      await byTestId(`rf-node-${nodeId}`).locator('.flow-node-label').click();
    },
  };
}
