import type { SourceKind, UnitKind } from '../../../shared/domain/types.ts';

/**
 * The units of a source that came from a REFI-QDA file. The coding view shows a source unit
 * by unit, and text outside every unit not at all, so the passages the file credits to cases
 * are not enough: the rest of the text is laid out in paragraphs too. A source credited to
 * one case as a whole is that case's paragraphs. In an interview, a paragraph that reads
 * "Name: words" is a speaker's turn, as the interview importer lays it out; a bare "Name:"
 * just before a credited passage is that passage's speaker label.
 */

export type LaidOutUnit = { kind: UnitKind; start: number; end: number; participant: string | null; speaker: string | null; isInterviewer: boolean };

/** A run of lines longer than this is cut at its single line breaks (NVivo writes one paragraph per line). */
const LONG_RUN = 1000;

const SPEAKER = /^([^\n:]{1,40}):[ \t]+(?=\S)/;
const LABEL_ONLY = /^([^\n:]{1,40}):\s*$/;
const INTERVIEWER = /^(interviewer|interviewee?r|moderator|facilitator|researcher|int\.?|i)$/i;

const GAP_KIND: Record<SourceKind, UnitKind> = { interview: 'turn', questionnaire: 'question', document: 'paragraph' };
const CREDIT_KIND: Record<SourceKind, UnitKind> = { interview: 'turn', questionnaire: 'answer', document: 'paragraph' };

/** Trimmed runs of text between blank lines; long runs (or every run, with `lines`) cut at their line breaks. */
export function paragraphs(text: string, from = 0, to = text.length, lines = false): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) out.push({ start, end });
  };
  const runs = /\n[ \t]*\n/g;
  runs.lastIndex = from;
  let at = from;
  for (;;) {
    const m = runs.exec(text);
    const end = m && m.index < to ? m.index : to;
    if ((lines || end - at > LONG_RUN) && text.slice(at, end).includes('\n')) {
      let line = at;
      for (let i = text.indexOf('\n', at); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
        push(line, i);
        line = i + 1;
      }
      push(line, end);
    } else push(at, end);
    if (!m || m.index >= to) break;
    at = m.index + m[0].length;
  }
  return out;
}

export function layoutUnits(text: string, kind: SourceKind, credited: readonly { start: number; end: number; participant: string }[], whole: string | null): LaidOutUnit[] {
  const spans = [...credited].sort((a, b) => a.start - b.start || b.end - a.end);
  const units: LaidOutUnit[] = spans.map((s) => ({ kind: CREDIT_KIND[kind], start: s.start, end: s.end, participant: s.participant, speaker: null, isInterviewer: false }));
  const startsAt = new Map(units.map((u) => [u.start, u]));
  // The text no credited passage covers, in pieces between them.
  const gaps: { start: number; end: number }[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start > at) gaps.push({ start: at, end: s.start });
    at = Math.max(at, s.end);
  }
  if (at < text.length) gaps.push({ start: at, end: text.length });
  for (const gap of gaps) {
    // An interview's turns are its lines (NVivo and most transcripts write one turn a line).
    for (const p of paragraphs(text, gap.start, gap.end, kind === 'interview')) {
      const piece = text.slice(p.start, p.end);
      const next = startsAt.get(gap.end);
      // "PA:" on the line where PA's passage starts: the passage's label, not a paragraph.
      if (next && !text.slice(p.end, gap.end).includes('\n')) {
        const label = LABEL_ONLY.exec(piece);
        if (label) {
          next.speaker = label[1]!.trim();
          next.isInterviewer = INTERVIEWER.test(next.speaker);
          continue;
        }
      }
      const said = kind === 'interview' ? SPEAKER.exec(piece) : null;
      const speaker = said ? said[1]!.trim() : null;
      const isInterviewer = speaker !== null && INTERVIEWER.test(speaker);
      const participant = isInterviewer ? null : whole;
      units.push({
        kind: participant === null ? GAP_KIND[kind] : CREDIT_KIND[kind],
        start: said ? p.start + said[0].length : p.start,
        end: p.end,
        participant,
        speaker,
        isInterviewer,
      });
    }
  }
  return units.sort((a, b) => a.start - b.start || b.end - a.end);
}
