import { useId } from 'react';

interface FieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: string;
  autoComplete?: string;
  required?: boolean;
  min?: number;
  max?: number;
  maxLength?: number;
  inputMode?: 'numeric' | 'text' | 'decimal';
  /** Only for a field opened by the user's own click (the kitchen's rejection reason): focus follows them there. */
  autoFocus?: boolean;
}

/** A labelled input: the label is the field's accessible name. */
export function Field({ label, value, onChange, type = 'text', ...rest }: FieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type={type} value={value} onChange={(event) => onChange(event.target.value)} {...rest} />
    </div>
  );
}
