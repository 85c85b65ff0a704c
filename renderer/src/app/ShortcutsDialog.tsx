import { Fragment } from 'react';
import { Modal } from '../ui/Modal.tsx';
import { SHORTCUTS, type ShortcutContext } from '../ui/shortcuts.ts';

/** The cheat sheet's sections, in the order a researcher meets them. */
const SECTIONS: { title: string; contexts: readonly ShortcutContext[] }[] = [
  { title: 'Anywhere', contexts: ['window', 'outside text'] },
  { title: 'In the document text', contexts: ['document'] },
  { title: 'In the codebook', contexts: ['codebook tree'] },
  { title: 'Lists, tabs, dialogs and memos', contexts: ['list', 'tabs', 'dialog', 'memo editor'] },
  { title: 'Desktop app menus', contexts: ['desktop menu'] },
];

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
const shown = (key: string) => (isMac ? key.replace(/Ctrl\+/g, '⌘').replace(/Alt\+/g, '⌥') : key);

/** F1 or ?: every keyboard shortcut, from the one map the handlers use. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose} wide description="The same keys work in the desktop app and in the browser.">
      {/* Focused first, so the arrow keys and Page Down scroll the sheet. */}
      <div className="shortcut-sheet" tabIndex={0} data-autofocus role="group" aria-label="All shortcuts">
        {SECTIONS.map((section) => (
          <section key={section.title} aria-label={section.title}>
            <h3>{section.title}</h3>
            <dl>
              {SHORTCUTS.filter((s) => (section.contexts as readonly string[]).includes(s.context)).map((s) => (
                <Fragment key={s.id}>
                  <dt>
                    {s.keys.map((k, i) => (
                      <Fragment key={k}>
                        {i > 0 && <span className="muted"> or </span>}
                        <kbd>{shown(k)}</kbd>
                      </Fragment>
                    ))}
                  </dt>
                  <dd>
                    {s.does}
                    {s.context === 'outside text' && <span className="muted"> (not while typing)</span>}
                  </dd>
                </Fragment>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Modal>
  );
}
