/**
 * A button that opens the browser's file chooser for .xlsx files: the preview's 打开报送文件 and
 * the 导入 tab. The input itself is visually hidden but labelled, so tests and screen readers
 * reach it by its name.
 */
import { useRef, type ReactElement } from "react";
import { Button, makeStyles } from "@fluentui/react-components";
import { FolderOpen20Regular } from "@fluentui/react-icons";

const useStyles = makeStyles({
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

export interface FilePickerProps {
  label: string;
  /** Called with the files chosen; never with none (a cancelled chooser changes nothing). */
  onFiles(files: File[]): void;
  disabled?: boolean;
  primary?: boolean;
}

export function FilePicker({ label, onFiles, disabled = false, primary = false }: FilePickerProps): ReactElement {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        multiple
        accept=".xlsx"
        aria-label={label}
        disabled={disabled}
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])];
          // Cleared so that choosing the same file again (after fixing it) fires a change.
          event.currentTarget.value = "";
          if (files.length > 0) onFiles(files);
        }}
      />
      <Button appearance={primary ? "primary" : "secondary"} icon={<FolderOpen20Regular />} disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </Button>
    </>
  );
}
