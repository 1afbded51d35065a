/** Pressing the pane's buttons the way a person does, then waiting until the pane is done. */
import { act, fireEvent, screen, waitFor } from "@testing-library/react";

/**
 * Resolves once no part of the pane says it is busy: every action, validation and chunk load has
 * settled. Time passes inside act, so what arrives meanwhile (a lazily loaded view) renders as it
 * would in the browser.
 */
export async function settled(): Promise<void> {
  const deadline = Date.now() + 5_000;
  do {
    if (Date.now() > deadline) throw new Error("the pane stayed busy for 5 s");
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
  } while (document.querySelector('[aria-busy="true"]'));
}

/**
 * The button of that name once a person could reach it. Right after a dialog closes, tabster
 * (Fluent's focus manager) still marks the rest of the page aria-hidden until its own timer runs,
 * which on a loaded machine can take well over testing-library's default second.
 */
export function reachable(name: string): Promise<HTMLElement> {
  return screen.findByRole("button", { name }, { timeout: 5_000 });
}

/** Clicks the button of that name and waits until the pane has finished what it started. */
export async function press(name: string): Promise<void> {
  const button = await reachable(name);
  await act(async () => {
    fireEvent.click(button);
  });
  await settled();
}

/** Clicks the button of that name and waits for the confirmation it opens. */
export async function pressForDialog(name: string): Promise<HTMLElement> {
  const button = await reachable(name);
  await act(async () => {
    fireEvent.click(button);
  });
  return openedDialog();
}

/**
 * Waits for a confirmation dialog, as the accessibility tree shows it. In jsdom Fluent focuses the new dialog before tabster (its focus manager) knows
 * it as the active modal, so tabster marks it aria-hidden until focus moves again; a person's
 * next focus move (here into its first button) lets tabster catch up.
 */
export async function openedDialog(): Promise<HTMLElement> {
  const surface = await waitFor(() => {
    const found = document.querySelector<HTMLElement>('[role="dialog"]');
    if (!found) throw new Error("no dialog opened");
    return found;
  });
  act(() => surface.querySelector<HTMLElement>("button")?.focus());
  return screen.findByRole("dialog");
}
