export type MutationRow = { path: string; detected: number; survived: number; noCoverage: number; score: number | null };
export type StrykerReport = { files?: Record<string, { mutants?: { status: string }[] }> };
export function mutationScores(reports: StrykerReport[]): { rows: MutationRow[]; total: MutationRow };
export function scoreTable(scores: { rows: MutationRow[]; total: MutationRow }): string;
