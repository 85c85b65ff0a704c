import type { DocumentPreview } from '../../../../shared/domain/import-types.ts';

/** The first headings, paragraphs and page starts, as they will become units. */
export function DocumentPanel({ preview }: { preview: DocumentPreview }) {
  let lastPage: number | null = null;
  return (
    <div className="imp-section">
      <h3>
        First paragraphs{' '}
        <span className="imp-h-note">
          {preview.unitCount} paragraphs and headings{preview.pageCount ? ` on ${preview.pageCount} pages` : ''} · {preview.characters.toLocaleString()} characters
        </span>
      </h3>
      <ol className="imp-units">
        {preview.units.map((u, i) => {
          const newPage = u.page !== null && u.page !== lastPage;
          lastPage = u.page;
          return (
            <li key={i} className={`imp-unit ${u.kind}`}>
              {newPage && <span className="imp-page">Page {u.page}</span>}
              <span className="imp-unit-text">{u.text}</span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
