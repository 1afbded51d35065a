import { Component, type ReactNode } from "react";
import { reasonOf, type Locale } from "../i18n";
import { paneText } from "../i18n/pane";

/**
 * Says in words why the pane's code could not load (or render), instead of a blank pane. Plain
 * HTML: Fluent's MessageBar is in the very chunk that may have failed.
 */
export class PaneBoundary extends Component<{ children: ReactNode; locale: Locale }, { failure: { error: unknown } | null }> {
  override state: { failure: { error: unknown } | null } = { failure: null };

  static getDerivedStateFromError(error: unknown): { failure: { error: unknown } } {
    return { failure: { error } };
  }

  override render() {
    const { failure } = this.state;
    if (failure === null) return this.props.children;
    const { locale } = this.props;
    return <p role="alert">{paneText(locale)("tabs.loadFailed", { reason: reasonOf(failure.error, locale) })}</p>;
  }
}
