/**
 * Google Forms and Microsoft Forms: one header row of question texts after the forms' own
 * fields. Google Forms (the responses CSV, or its sheet saved as XLSX) starts with the
 * timestamp, then the e-mail address when the form collects it; grid questions are one
 * column per row, "Question [Row]". Microsoft Forms (Excel) starts with ID, start and
 * completion time, e-mail and name; quizzes add points and feedback columns.
 */
import type { ColumnMeaning, ColumnOrigin } from '../../../../../shared/domain/import-types.ts';
import type { NumberedTable } from '../csv.ts';
import { bracketGroups, column, IDENTIFYING, type Reading } from './columns.ts';

/** "Timestamp" in the languages Google Forms writes it in. */
const TIMESTAMP = new Set(['timestamp', 'marca temporal', 'zeitstempel', 'horodateur', 'horodatage', 'carimbo de data/hora', 'informazioni cronologiche', 'tijdstempel', 'sygnatura czasowa']);
const GOOGLE_EMAIL = new Set(['email address', 'email', 'username', 'e-mail-adresse', 'dirección de correo electrónico', 'adresse e-mail']);
/** A timestamp as Google writes it: `2025/03/01 10:02:13 AM GMT+1`, `3/1/2025 10:02:13`, ISO from a sheet. */
const LOOKS_LIKE_TIME = /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}[ T]\d{1,2}:\d{2}/;

const field = (key: string, origin: ColumnOrigin, identifying: string | null = null): ColumnMeaning => column(key, { origin, identifying });

export function readGoogleForms(table: NumberedTable): Reading | null {
  const [first, ...rest] = table.header;
  if (first === undefined || !TIMESTAMP.has(first.trim().toLowerCase())) return null;
  const stamps = table.rows.map((r) => (r[0] ?? '').trim()).filter(Boolean);
  if (stamps.length === 0 || !stamps.every((s) => LOOKS_LIKE_TIME.test(s))) return null;
  const columns = [
    field(first, 'respondent-id'),
    ...rest.map((h) => {
      const lower = h.trim().toLowerCase();
      if (GOOGLE_EMAIL.has(lower)) return field(h, 'metadata', IDENTIFYING.email);
      if (lower === 'score' || lower === 'puntuación' || lower === 'punktzahl') return field(h, 'metadata');
      return column(h);
    }),
  ];
  bracketGroups(columns);
  return {
    survey: {
      platform: 'google-forms',
      layout: 'responses',
      headerRows: 1,
      notes: ['Google Forms keeps no response id: each response is known by its timestamp, which a later export keeps.'],
    },
    columns,
  };
}

const MS_FIELDS: Record<string, { origin: ColumnOrigin; identifying?: string }> = {
  id: { origin: 'respondent-id' },
  'start time': { origin: 'metadata' },
  'completion time': { origin: 'metadata' },
  'last modified time': { origin: 'metadata' },
  email: { origin: 'metadata', identifying: IDENTIFYING.email },
  name: { origin: 'metadata', identifying: IDENTIFYING.name },
  'total points': { origin: 'metadata' },
  'quiz feedback': { origin: 'metadata' },
  'grade posted time': { origin: 'metadata' },
};

export function readMicrosoftForms(table: NumberedTable): Reading | null {
  const lower = table.header.map((h) => h.trim().toLowerCase());
  if (lower[0] !== 'id' || !lower.includes('start time') || !lower.includes('completion time')) return null;
  const columns = table.header.map((h, i): ColumnMeaning => {
    const known = MS_FIELDS[lower[i]!];
    if (known) return field(h, known.origin, known.identifying ?? null);
    // Quizzes: "Points - Question" and "Feedback - Question" beside each question.
    if (/^(points|feedback) - /.test(lower[i]!)) return field(h, 'metadata');
    return column(h);
  });
  return { survey: { platform: 'microsoft-forms', layout: 'responses', headerRows: 1, notes: [] }, columns };
}
