import type { Code } from '../../../../shared/domain/types.ts';

/**
 * Which number key applies this code in the coding view. Each option says what the key applies
 * now, so moving a code onto a taken key is a visible choice, never a surprise.
 */
export function KeyPicker({ code, codes, slots, onChange }: { code: Code; codes: Code[]; slots: (number | null)[]; onChange: (key: number | null) => void }) {
  const current = slots.indexOf(code.id);
  const nameOf = (id: number | null) => (id === null ? null : (codes.find((c) => c.id === id)?.name ?? null));
  return (
    <label className="key-picker">
      <span>Key in the coding view</span>
      <select
        value={current < 0 ? '' : String(current + 1)}
        onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
      >
        <option value="">None</option>
        {slots.map((id, i) => (
          <option key={i} value={i + 1}>
            {i + 1}{id === code.id ? '' : nameOf(id) ? ` — now ${nameOf(id)}` : ' — free'}
          </option>
        ))}
      </select>
    </label>
  );
}
