import { Zip, ZipDeflate } from 'fflate';

const encoder = new TextEncoder();

/**
 * Zips text files one by one, calling `between` after each so a long export can report
 * progress and let a cancel in. Deflated, UTF-8 names (fflate sets the flag for non-ASCII).
 */
export async function zipTexts(files: readonly { path: string; text: string }[], between: (done: number, total: number) => Promise<void>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else chunks.push(data);
  });
  for (const [i, file] of files.entries()) {
    const entry = new ZipDeflate(file.path, { level: 6 });
    zip.add(entry);
    entry.push(encoder.encode(file.text), true);
    if (failure) throw failure;
    await between(i + 1, files.length);
  }
  zip.end();
  if (failure) throw failure;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
