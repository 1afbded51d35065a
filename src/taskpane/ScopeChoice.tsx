/** 校验's choice between every sheet and the active one (Excel only: files have no active sheet). */
import { Radio, RadioGroup } from "@fluentui/react-components";
import { useText } from "./text";
import type { Scope } from "./validationStore";

export interface ScopeChoiceProps {
  scope: Scope;
  onChange: (scope: Scope) => void;
  disabled: boolean;
}

export function ScopeChoice({ scope, onChange, disabled }: ScopeChoiceProps) {
  const t = useText();
  return (
    <RadioGroup layout="horizontal" value={scope} onChange={(_event, data) => onChange(data.value as Scope)} aria-label={t("tabs.scope.label")} disabled={disabled}>
      <Radio value="all" label={t("tabs.scope.all")} />
      <Radio value="active" label={t("tabs.scope.active")} />
    </RadioGroup>
  );
}
