// One labelled input with its error next to it, linked for screen readers; the pattern every
// newsroom form repeats.
import type { InputHTMLAttributes } from 'preact';

export interface InputFieldProps {
  id: string;
  name: string;
  label: string;
  type?: 'text' | 'password' | 'email' | 'search' | 'number';
  value?: string;
  dir?: 'ltr' | 'rtl' | 'auto';
  autocomplete?: string;
  required?: boolean;
  minlength?: number;
  maxlength?: number;
  error?: string | undefined;
}

export function InputField({ id, label, error, ...input }: InputFieldProps) {
  // Preact types each input type separately; the props above are valid for all of them.
  const attributes = {
    id,
    ...input,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
  } as InputHTMLAttributes<HTMLInputElement>;
  return (
    <p>
      <label for={id}>{label}</label>
      <input {...attributes} />
      {error ? (
        <span id={`${id}-error`} class="nr-error">
          {error}
        </span>
      ) : null}
    </p>
  );
}
