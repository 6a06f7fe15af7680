type Props = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'password';
  name?: string;
  autoComplete?: string;
};

/** An input inside its own label, the words first: the compact field of short forms (sign-in, a table row). */
export function LabelledInput({ label, onChange, ...input }: Props) {
  return (
    <label>
      {label}
      <input {...input} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}
