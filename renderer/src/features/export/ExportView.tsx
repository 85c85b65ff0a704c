import { CodePicker } from './CodePicker.tsx';
import { CodebookOutput } from './CodebookOutput.tsx';
import { ExcerptOutput } from './ExcerptOutput.tsx';
import { ExchangeSection } from './ExchangeSection.tsx';
import { FilterPanel } from './FilterPanel.tsx';
import { useExportJob } from './use-export-job.ts';
import './export.css';

/**
 * The Export view: codes on the left, filters in the middle, what to make of them on the
 * right (coded excerpts, the codebook, and REFI-QDA exchange below them).
 */
export function ExportView() {
  const exporter = useExportJob();
  return (
    <div className="export-view">
      <CodePicker />
      <FilterPanel />
      <section className="pane export-output" aria-labelledby="export-output-title">
        <header className="pane-header">
          <h2 id="export-output-title">Export</h2>
        </header>
        <div className="pane-body padded">
          <ExcerptOutput exporter={exporter} />
          <CodebookOutput exporter={exporter} />
          <ExchangeSection />
        </div>
      </section>
    </div>
  );
}
