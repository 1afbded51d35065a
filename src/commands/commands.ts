/** Ribbon handlers (manifest: ExecuteFunction). They run in the shared runtime of the task pane. */

/**
 * 一键校验. For now it only opens the task pane; validation arrives with the Excel adapter.
 * `event.completed()` is called whatever happens: Office shows the button as busy until then.
 * A failure still rejects, so the runtime reports it instead of it passing silently.
 */
async function validateAll(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
  } finally {
    event.completed();
  }
}

Office.actions.associate("validateAll", validateAll);
