import type { Ref, TextareaHTMLAttributes } from 'react';
import { LabelledField } from '../../components/Field';

interface Props extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value'> {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  hint?: string;
  ref?: Ref<HTMLTextAreaElement>;
}

/** The multi-line twin of TextField: label, hint and error tied to the text area. */
export function TextAreaField({ label, value, onChange, error, hint, ref, ...rest }: Props) {
  return (
    <LabelledField
      label={label}
      error={error}
      hint={hint}
      control={(ids) => <textarea {...ids} ref={ref} value={value} onChange={(event) => onChange(event.target.value)} {...rest} />}
    />
  );
}
