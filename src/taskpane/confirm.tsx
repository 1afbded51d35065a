/**
 * The confirmation an action waits on (自动修正, replacing an imported sheet). Its own module so
 * that the dialog's code comes with the workbook tabs' chunk, not in the pane's first bundle.
 */
import { useCallback, useState, type ReactNode } from "react";
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from "@fluentui/react-components";

export interface ConfirmRequest {
  title: string;
  body: ReactNode;
  confirm: string;
  cancel: string;
}

interface Pending extends ConfirmRequest {
  resolve: (confirmed: boolean) => void;
}

/**
 * A confirmation an action awaits: `confirm(request)` opens the dialog and resolves true for the
 * confirm button, false for cancel or Escape. Render the returned element in the view.
 */
export function useConfirm(): [(request: ConfirmRequest) => Promise<boolean>, ReactNode] {
  const [pending, setPending] = useState<Pending | null>(null);
  const confirm = useCallback((request: ConfirmRequest) => new Promise<boolean>((resolve) => setPending({ ...request, resolve })), []);
  const close = (confirmed: boolean) => {
    pending?.resolve(confirmed);
    setPending(null);
  };
  const dialog = (
    <Dialog open={pending !== null} onOpenChange={(_event, data) => !data.open && close(false)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{pending?.title}</DialogTitle>
          <DialogContent>{pending?.body}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => close(true)}>
              {pending?.confirm}
            </Button>
            <Button onClick={() => close(false)}>{pending?.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
  return [confirm, dialog];
}
