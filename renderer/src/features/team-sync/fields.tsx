import { useEffect, useId, useRef, useState } from 'react';

const SERVER_KEY = 'marginalia.teamServer';

/** The team server last used in this window (share, join): offered again. */
export const lastServer = (): string => localStorage.getItem(SERVER_KEY) ?? '';
export const rememberServer = (server: string): void => localStorage.setItem(SERVER_KEY, server);

/** A team server's address and a token (a password field: it is a secret). */
export function ServerFields(p: { server: string; token: string; onServer: (v: string) => void; onToken: (v: string) => void; tokenLabel?: string; disabled?: boolean }) {
  return (
    <>
      <label className="field">
        <span>Server address</span>
        <input type="text" value={p.server} data-autofocus={p.server === '' ? true : undefined} spellCheck={false} autoComplete="url" placeholder="http://127.0.0.1:4870/" disabled={p.disabled} onChange={(e) => p.onServer(e.target.value)} />
      </label>
      <label className="field">
        <span>{p.tokenLabel ?? 'Your token'}</span>
        <input type="password" value={p.token} data-autofocus={p.server !== '' ? true : undefined} spellCheck={false} autoComplete="off" placeholder="as the server or the project’s owner gave it" disabled={p.disabled} onChange={(e) => p.onToken(e.target.value)} />
      </label>
    </>
  );
}

/** Copies text to the clipboard; says "Copied" for a moment. */
export function CopyButton({ text, label = 'Copy', select }: { text: string; label?: string; select?: () => void }) {
  const [copied, setCopied] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // No clipboard access (an insecure page): the text is selected for Ctrl+C instead.
      select?.();
      return;
    }
    setCopied(true);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setCopied(false), 2000);
  };
  return (
    <button type="button" onClick={() => void copy()} aria-label={label}>
      {copied ? 'Copied' : 'Copy'}
    </button>
  );
}

/** A value to copy (an id, a token): read-only, selectable, with its Copy button. */
export function CopyField({ label, value, autofocus }: { label: string; value: string; autofocus?: boolean }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="field">
      <span><label htmlFor={id}>{label}</label></span>
      <div className="tsync-copy">
        <input id={id} ref={input} type="text" readOnly value={value} spellCheck={false} data-autofocus={autofocus ? true : undefined} onFocus={(e) => e.currentTarget.select()} />
        <CopyButton text={value} label={`Copy the ${label.toLowerCase()}`} select={() => input.current?.select()} />
      </div>
    </div>
  );
}
