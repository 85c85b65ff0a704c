import { crc32, deflateRawSync } from 'node:zlib';
import { Zip, type ZipInputFile } from 'fflate';

const encoder = new TextEncoder();

/**
 * Zips text files one by one, calling `between` after each so a long export can report
 * progress and let a cancel in. fflate lays out the archive; each entry is deflated by Node's
 * zlib, about ten times faster than fflate's own deflate on a 100 MB project.
 */
export async function zipTexts(files: readonly { path: string; text: string }[], between: (done: number, total: number) => Promise<void>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else chunks.push(data);
  });
  for (const [i, file] of files.entries()) {
    const bytes = encoder.encode(file.text);
    const entry: ZipInputFile = { filename: file.path, size: bytes.length, crc: crc32(bytes), compression: 8 };
    zip.add(entry);
    entry.ondata!(null, deflateRawSync(bytes, { level: 6 }), true);
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
