/** Ribbon handlers (manifest: ExecuteFunction). They run in the shared runtime of the task pane. */
import { reasonOf } from "../i18n";
import { excelHost } from "../taskpane/office";
import { sharedValidationStore } from "../taskpane/validationStore";

/**
 * 一键校验: opens the task pane and validates every submission sheet into the page's shared
 * store, which the pane shows (a ribbon command has no screen of its own, PRODUCT.md §7).
 *
 * `event.completed()` is called whatever happens: Office shows the button as busy until then.
 * Nothing is swallowed: a failed validation is kept in the store by `run`, and a pane that would
 * not open is recorded there too, so the pane says what went wrong the next time it is shown.
 */
export async function validateAll(event: Office.AddinCommands.Event): Promise<void> {
  const store = sharedValidationStore();
  // The page's one host, in Office's language: findings are worded as the pane words them.
  const host = excelHost();
  try {
    let notShown: unknown = null;
    try {
      // Opened first, so the user watches the progress rather than a button that seems stuck.
      await Office.addin.showAsTaskpane();
    } catch (error) {
      notShown = error;
    }
    // Validated even when the pane would not open: the marks on the cells still show the problems.
    await store.run(host, "all");
    if (notShown !== null) store.fail({ kind: "showFailed", reason: reasonOf(notShown, host.locale) });
  } catch (error) {
    store.fail({ kind: "failed", reason: reasonOf(error, host.locale) });
  } finally {
    event.completed();
  }
}

Office.actions.associate("validateAll", validateAll);
