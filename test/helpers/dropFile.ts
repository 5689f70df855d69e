import type { Page } from 'playwright-core';

/**
 * Drops a file on the board at a screen point, as a person dragging it from
 * their desktop would. Resolves with the time of the drop (after the file
 * reached the page, which costs the test, not the person).
 */
export async function dropFile(page: Page, file: { name: string; type: string; bytes: Buffer }, at: { x: number; y: number }): Promise<number> {
  const dataTransfer = await page.evaluateHandle(
    ({ base64, name, type }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type }));
      return transfer;
    },
    { base64: file.bytes.toString('base64'), name: file.name, type: file.type },
  );
  await page.dispatchEvent('.tl-canvas', 'dragover', { dataTransfer, clientX: at.x, clientY: at.y });
  const droppedAt = Date.now();
  await page.dispatchEvent('.tl-canvas', 'drop', { dataTransfer, clientX: at.x, clientY: at.y });
  return droppedAt;
}
