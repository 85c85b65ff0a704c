import { useEffect, useMemo, useState } from 'react';
import type { ExcerptMatch } from '../../../../shared/domain/export-types.ts';
import { call } from '../../api/client.ts';
import { attempt } from '../../ui/notify.ts';
import { ExportProgress } from './ExportProgress.tsx';
import { EXCERPT_FORMATS, FormatChoice, isReport } from './FormatChoice.tsx';
import { filterOf, useExportStore } from './store.ts';
import type { useExportJob } from './use-export-job.ts';

const plural = (n: number, one: string) => `${n.toLocaleString()} ${n === 1 ? one : `${one}s`}`;

/** How many excerpts the choice matches, the format, and the Export button. */
export function ExcerptOutput({ exporter }: { exporter: ReturnType<typeof useExportJob> }) {
  const s = useExportStore();
  const filter = useMemo(() => filterOf(s), [s.codeIds, s.includeSubcodes, s.participantIds, s.unattributed, s.attributeValues, s.sourceKinds, s.coderIds]);
  const [match, setMatch] = useState<ExcerptMatch | null>(null);

  useEffect(() => {
    if (!filter) {
      setMatch(null);
      return undefined;
    }
    let live = true;
    void attempt(async () => {
      const m = await call('export.count', filter);
      if (live) setMatch(m);
    });
    return () => {
      live = false;
    };
  }, [filter]);

  const label = EXCERPT_FORMATS.find((f) => f.value === s.format)!.label;
  const run = () => {
    if (!filter) return;
    void exporter.run((jobId) => call('export.excerpts', { jobId, filter, format: s.format, memos: s.memos, ...(s.title.trim() ? { title: s.title.trim() } : {}) }));
  };

  return (
    <section className="export-section" aria-labelledby="export-excerpts-title">
      <h3 id="export-excerpts-title">Coded excerpts</h3>
      <p className="export-match" aria-live="polite">
        {!filter ? (
          'Tick at least one code.'
        ) : match === null ? (
          'Counting…'
        ) : (
          <>
            <strong>{plural(match.excerpts, 'excerpt')}</strong>
            {match.excerpts > 0 && <span className="muted"> from {plural(match.participants, 'participant')} in {plural(match.sources, 'source')}, {plural(match.codes, 'code')}</span>}
          </>
        )}
      </p>
      <FormatChoice name="excerpt-format" legend="Format" options={EXCERPT_FORMATS} value={s.format} onChange={(format) => s.set({ format })} disabled={exporter.job !== null} />
      <label className="field">
        <span>Title</span>
        <input type="text" value={s.title} placeholder="Coded excerpts: the codes chosen" maxLength={200} onChange={(e) => s.set({ title: e.target.value })} />
      </label>
      <label className="inline-check">
        <input type="checkbox" checked={s.memos && isReport(s.format)} disabled={!isReport(s.format)} onChange={(e) => s.set({ memos: e.target.checked })} />
        Include coding memos {!isReport(s.format) && <span className="muted">(tables always have a Memo column)</span>}
      </label>
      <div className="export-actions">
        {exporter.job ? (
          <ExportProgress job={exporter.job} onCancel={exporter.cancel} />
        ) : (
          <button className="primary" disabled={!filter || match?.excerpts === 0} onClick={run}>
            Export {match && filter ? plural(match.excerpts, 'excerpt') : 'excerpts'} as {label}
          </button>
        )}
      </div>
    </section>
  );
}
