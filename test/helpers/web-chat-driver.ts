// Drives the web chat page in a browser as a citizen would: type, send, wait for the bot's next bubble.
import type { Locator, Page } from 'playwright-core';

export const bots = (page: Page) => page.getByTestId('bot-msg');

/** The rendered text a citizen reads (a <br> is a newline), unlike the DOM's textContent. */
export const shown = (locator: Locator): Promise<string> => locator.innerText();

export async function lastBotText(page: Page): Promise<string> {
  const n = await bots(page).count();
  return n === 0 ? '' : shown(bots(page).nth(n - 1));
}

/** Waits until the page has no message in flight (send enabled, no pending citizen bubble). */
export async function settled(page: Page, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    () =>
      !(document.getElementById('send') as HTMLButtonElement).disabled &&
      document.querySelectorAll('.msg.user.pending').length === 0,
    undefined,
    { timeout },
  );
}

/** Waits for a bot bubble beyond the first `before`, and for the page to be idle again. */
export async function nextBot(page: Page, before: number, timeout = 20_000): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="bot-msg"]').length > n, before, {
    timeout,
  });
  await settled(page, timeout);
}

export async function type(page: Page, text: string, how: 'enter' | 'button' = 'enter'): Promise<void> {
  const input = page.getByTestId('input');
  await input.fill(text);
  if (how === 'enter') await input.press('Enter');
  else await page.getByTestId('send').click();
}

/** Types and sends a message, then waits for the bot's next bubble. */
export async function answer(page: Page, text: string, how: 'enter' | 'button' = 'enter'): Promise<void> {
  const before = await bots(page).count();
  await type(page, text, how);
  await nextBot(page, before);
}
