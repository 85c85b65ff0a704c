import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { attempt } from '../../ui/notify.ts';
import { reloadEverything } from '../undo/reload.ts';
import { CoderDialog } from './CoderDialog.tsx';
import { useCodersStore } from './store.ts';

/**
 * The top bar's "Coding as …" button. On first start (no name given yet) it asks at once;
 * afterwards the button opens the same question to change who is coding.
 */
export function CoderControl({ coderName, projectPath }: { coderName: string; projectPath: string }) {
  const { chosen, loaded, load } = useCodersStore();
  const [open, setOpen] = useState<'first' | 'change' | null>(null);
  const [dismissed, setDismissed] = useState(false);
  useEffect(() => void attempt(load), [load, projectPath]);
  const asking = open ?? (loaded && !chosen && !dismissed ? 'first' : null);
  return (
    <>
      <button className="coder-button" onClick={() => setOpen('change')} title="Who is coding: the name recorded on every coding, memo and change. Click to change it.">
        {loaded && !chosen ? 'Who is coding?' : <>Coding as <span className="coder-name">{coderName}</span></>}
      </button>
      {/* Outside the top bar, whose light-on-dark styles would reach into the dialog. */}
      {asking && createPortal(
        <CoderDialog
          firstStart={asking === 'first'}
          onClose={() => { setOpen(null); setDismissed(true); }}
          onDone={() => {
            setOpen(null);
            void attempt(reloadEverything);
          }}
        />,
        document.body,
      )}
    </>
  );
}
