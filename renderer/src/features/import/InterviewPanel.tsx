import type { InterviewPreview, SpeakerAction } from '../../../../shared/domain/import-types.ts';
import type { Choices } from './store.ts';

const fmtTime = (ms: number) => {
  const s = Math.floor(ms / 1000);
  return [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60].map((n) => String(n).padStart(2, '0')).join(':');
};

const valueOf = (a: SpeakerAction): string => (a.as === 'participant' ? `p:${a.participantId}` : a.as);

function actionFor(value: string, speaker: string, previous: SpeakerAction): SpeakerAction {
  if (value.startsWith('p:')) return { speaker, as: 'participant', participantId: Number(value.slice(2)) };
  if (value === 'new') return { speaker, as: 'new', label: previous.as === 'new' ? previous.label : speaker.slice(0, 40) };
  return { speaker, as: value === 'interviewer' ? 'interviewer' : 'other' };
}

type Props = {
  preview: InterviewPreview;
  speakers: SpeakerAction[];
  unattributed: number | null;
  choices: Choices;
  onSpeaker: (action: SpeakerAction) => void;
  onUnattributed: (participantId: number | null) => void;
};

/** Who each speaker is, and the first turns as they will be stored. */
export function InterviewPanel({ preview, speakers, unattributed, choices, onSpeaker, onUnattributed }: Props) {
  const whoSaid = (speaker: string | null): string => {
    const a = speakers.find((s) => s.speaker === speaker);
    if (!a) return '';
    if (a.as === 'participant') return choices.participants.find((p) => p.id === a.participantId)?.label ?? '';
    return a.as === 'new' ? a.label : '';
  };
  return (
    <>
      {preview.tool && <p className="imp-note imp-tool">Recognised layout: {preview.tool}</p>}
      {preview.speakers.length === 0 ? (
        <div className="imp-section">
          <h3>Speakers</h3>
          <p className="imp-note">No speaker markers found: the text becomes one document-like interview, paragraph by paragraph.</p>
          <label className="imp-inline">
            <span>Credit the text to</span>
            <select aria-label="Participant the text belongs to" value={unattributed ?? ''} onChange={(e) => onUnattributed(e.target.value ? Number(e.target.value) : null)}>
              <option value="">nobody (not a participant’s words)</option>
              {choices.participants.map((p) => <option key={p.id} value={p.id}>{p.label}{p.name ? ` — ${p.name}` : ''}</option>)}
            </select>
          </label>
        </div>
      ) : (
        <div className="imp-section">
          <h3>Speakers <span className="imp-h-note">match each to a participant</span></h3>
          <table className="imp-table imp-speakers">
            <thead>
              <tr><th scope="col">Speaker</th><th scope="col" className="num">Turns</th><th scope="col" className="num">Words</th><th scope="col">Is</th><th scope="col">Label / name</th></tr>
            </thead>
            <tbody>
              {preview.speakers.map((sp) => {
                const a = speakers.find((s) => s.speaker === sp.speaker) ?? sp.suggestion;
                return (
                  <tr key={sp.speaker}>
                    <th scope="row">{sp.speaker}</th>
                    <td className="num">{sp.turns}</td>
                    <td className="num">{sp.words}</td>
                    <td>
                      <select aria-label={`Who is ${sp.speaker}`} value={valueOf(a)} onChange={(e) => onSpeaker(actionFor(e.target.value, sp.speaker, a))}>
                        {choices.participants.length > 0 && (
                          <optgroup label="Participants">
                            {choices.participants.map((p) => <option key={p.id} value={`p:${p.id}`}>{p.label}{p.name ? ` — ${p.name}` : ''}</option>)}
                          </optgroup>
                        )}
                        <option value="new">New participant…</option>
                        <option value="interviewer">Interviewer</option>
                        <option value="other">Someone else (not a participant)</option>
                      </select>
                    </td>
                    <td>
                      {a.as === 'new' && (
                        <span className="imp-new-participant">
                          <input aria-label={`New participant label for ${sp.speaker}`} value={a.label} maxLength={40} placeholder="Label, e.g. PD" onChange={(e) => onSpeaker({ ...a, label: e.target.value })} />
                          <input aria-label={`Name of ${sp.speaker}`} value={a.name ?? ''} placeholder="Name (optional)" onChange={(e) => onSpeaker({ ...a, name: e.target.value })} />
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <div className="imp-section">
        <h3>
          {preview.speakers.length > 0 ? 'First turns' : 'First paragraphs'}{' '}
          <span className="imp-h-note">{preview.speakers.length > 0 ? `${preview.turnCount} turns in all` : `${preview.unitCount} in all`}</span>
        </h3>
        <ol className="imp-turns">
          {preview.turns.map((turn, i) => (
            <li key={i} className={speakers.find((s) => s.speaker === turn.speaker)?.as === 'interviewer' ? 'interviewer' : ''}>
              <span className="imp-turn-head">
                {turn.speaker === null ? <span className="imp-speaker none">not said by a speaker</span> : <span className="imp-speaker">{turn.speaker}</span>}
                {turn.speaker !== null && whoSaid(turn.speaker) && whoSaid(turn.speaker) !== turn.speaker && <span className="participant-tag">{whoSaid(turn.speaker)}</span>}
                {turn.timestampMs !== null && <span className="timestamp">{fmtTime(turn.timestampMs)}</span>}
              </span>
              <span className="imp-turn-text">{turn.text}</span>
            </li>
          ))}
        </ol>
      </div>
    </>
  );
}
