// A labelled form field with its help and error lines, as every editor panel uses it.
import type { ComponentChildren } from 'preact';

export function Field(props: {
  id: string;
  label: string;
  error?: string | undefined;
  help?: string | undefined;
  children: ComponentChildren;
}) {
  return (
    <p class="nr-field">
      <label for={props.id}>{props.label}</label>
      {props.children}
      {props.help ? (
        <span id={`${props.id}-help`} class="nr-help">
          {props.help}
        </span>
      ) : null}
      {props.error ? (
        <span id={`${props.id}-error`} class="nr-error">
          {props.error}
        </span>
      ) : null}
    </p>
  );
}

/** aria-describedby and aria-invalid for a field with optional help and error lines. */
export const described = (id: string, error?: string, help?: boolean) => {
  const ids = [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { 'aria-describedby': ids || undefined, 'aria-invalid': error ? ('true' as const) : undefined };
};
