import type { ExcerptFormat } from '../../../../shared/domain/export-types.ts';

export const EXCERPT_FORMATS: { value: ExcerptFormat; label: string; note: string }[] = [
  { value: 'docx', label: 'Word', note: 'a report: a heading per code, each excerpt quoted with its citation' },
  { value: 'html', label: 'HTML', note: 'the same report as one web page; prints cleanly' },
  { value: 'md', label: 'Markdown', note: 'the same report as plain text' },
  { value: 'xlsx', label: 'Excel', note: 'one row per excerpt, to sort and filter' },
  { value: 'csv', label: 'CSV', note: 'one row per excerpt, for R, SPSS or any spreadsheet' },
];

export const isReport = (format: ExcerptFormat): boolean => format === 'docx' || format === 'html' || format === 'md';

/** The file formats as radio buttons, each saying what it is for. */
export function FormatChoice<T extends string>({ name, legend, options, value, onChange, disabled }: {
  name: string;
  legend: string;
  options: readonly { value: T; label: string; note: string }[];
  value: T;
  onChange: (value: T) => void;
  disabled?: boolean;
}) {
  return (
    <fieldset className="format-choice" disabled={disabled}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="format-option">
          <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
          <span className="format-label">{o.label}</span>
          <span className="format-note">{o.note}</span>
        </label>
      ))}
    </fieldset>
  );
}
