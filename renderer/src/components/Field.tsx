import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

/** What ties a field's control to its label, hint and error for screen readers. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FrameProps {
  label: string;
  error?: string | undefined;
  hint?: string;
  /** The input, select or text area, given the ids that tie it to its label and notes. */
  control(props: ControlProps): ReactNode;
}

/** The frame of every field: the label, the control, then its hint and error. */
export function LabelledField({ label, error, hint, control }: FrameProps) {
  const id = useId();
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {control({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy(id, hint, error) })}
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  hint?: string;
}

/** A labelled input with its hint and error tied to it for screen readers. */
export function TextField({ label, value, onChange, error, hint, ...rest }: FieldProps) {
  return (
    <LabelledField
      label={label}
      error={error}
      hint={hint}
      control={(ids) => <input {...ids} value={value} onChange={(event) => onChange(event.target.value)} {...rest} />}
    />
  );
}

/** A labelled date input (the browser's date picker). */
export function DateField(props: Omit<FieldProps, 'type' | 'className'>) {
  return <TextField {...props} type="date" className="date" />;
}

interface SelectProps<V extends string> {
  label: string;
  value: V;
  onChange(value: V): void;
  options: { value: V; label: string }[];
  error?: string | undefined;
  hint?: string;
}

export function SelectField<V extends string>({ label, value, onChange, options, error, hint }: SelectProps<V>) {
  return (
    <LabelledField
      label={label}
      error={error}
      hint={hint}
      control={(ids) => (
        <select {...ids} value={value} onChange={(event) => onChange(event.target.value as V)}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
}

function FieldNotes({ id, hint, error }: { id: string; hint?: ReactNode; error?: string | undefined }) {
  return (
    <>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="error field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}
