import { ImportError } from '../import/parsers/errors.ts';
import { readCodebook, readProject } from './refi-read.ts';
import type { RefiCodebook, RefiProject, RefiTextSource } from './refi-model.ts';
import { parseRefiXml } from './xml-read.ts';
import { DEFAULT_ZIP_LIMITS, ZipArchive, type ZipEntry, type ZipLimits } from './zip-read.ts';

/**
 * Opening a .qdpx or .qdc file: the format layer's entry point. A .qdpx's XML is found as the
 * one `*.qde` at the archive's root (NVivo and most tools write `project.qde`, the standard's
 * annex `Project.qde`, ATLAS.ti 26 `<project name>.qde`), its sources in `sources/` in any
 * case (NVivo for Windows writes `Sources/`). Every text a source or note points to is read
 * here, so what follows (preview, import) works on memory only.
 */

/** A source's or note's text as read from the archive: BOM stripped, line endings as in the file. */
export type TextFile = { text: string; encoding: 'utf-8' | 'windows-1252' } | { missing: string };

export type LoadedExchange =
  | { format: 'qdpx'; name: string; size: number; project: RefiProject; texts: Map<string, TextFile> }
  | { format: 'qdc'; name: string; size: number; codebook: RefiCodebook };

export type LoadProgress = { step: (label: string, done: number, total: number) => Promise<void> };

/** The key a text path is looked up by: `internal://`, folders and case dropped. */
export const textKey = (path: string): string => path.replace(/^internal:\/\/+/i, '').replace(/\\/g, '/').split('/').pop()!.toLowerCase();

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const latin1 = new TextDecoder('latin1');

/** Windows-1252's meanings of 0x80..0x9F (Node's latin1 decoder leaves them C1 controls). */
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeText(bytes: Uint8Array): TextFile {
  let text: string;
  let encoding: 'utf-8' | 'windows-1252' = 'utf-8';
  try {
    text = utf8Strict.decode(bytes);
  } catch {
    // Not UTF-8 as the standard asks: read as Windows-1252, one character per byte, as the tool most likely counted.
    text = latin1.decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252[c.charCodeAt(0) - 0x80]!);
    encoding = 'windows-1252';
  }
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding };
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;

/** Every text path a project reads: sources (and their text representations) and notes. */
function textPaths(project: RefiProject): string[] {
  const texts: RefiTextSource[] = project.sources.flatMap((s) => (s.kind === 'text' ? [s] : s.texts));
  return [...texts.map((t) => t.plainTextPath), ...project.notes.map((n) => n.plainTextPath)].filter((p): p is string => p !== null);
}

function findQde(archive: ZipArchive, fileName: string): ZipEntry {
  const roots = archive.entries.filter((e) => !e.name.includes('/') && e.name.toLowerCase().endsWith('.qde'));
  if (roots.length === 1) return roots[0]!;
  if (roots.length === 0) {
    const nested = archive.entries.find((e) => e.name.toLowerCase().endsWith('.qde'));
    throw new ImportError(fileName, nested ? `is not a REFI-QDA project: its ${nested.name} is not at the top of the archive` : 'is not a REFI-QDA project: it holds no project.qde');
  }
  const standard = roots.find((e) => e.name.toLowerCase() === 'project.qde');
  if (standard) return standard;
  throw new ImportError(fileName, `is not a REFI-QDA project: it holds ${roots.length} .qde files (${roots.map((e) => e.name).join(', ')}); a project has one`);
}

export async function loadExchangeFile(bytes: Uint8Array, fileName: string, progress: LoadProgress, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<LoadedExchange> {
  const extension = fileName.toLowerCase().split('.').pop();
  if (extension === 'qdc' || (extension !== 'qdpx' && !isZip(bytes))) {
    if (isZip(bytes)) throw new ImportError(fileName, 'is a ZIP archive, not a REFI-QDA codebook (.qdc); a project would end in .qdpx');
    const codebook = readCodebook(parseRefiXml(bytes, fileName, 'CodeBook'));
    return { format: 'qdc', name: fileName, size: bytes.length, codebook };
  }
  const archive = ZipArchive.open(bytes, fileName, 'REFI-QDA project (.qdpx)', limits);
  await progress.step('Reading the project file', 0, 1);
  const qde = findQde(archive, fileName);
  const project = readProject(parseRefiXml(archive.read(qde), `${fileName}: ${qde.name}`, 'Project'));

  // Internal files: in sources/ (any case), or at the root when a tool left the folder out.
  const files = new Map<string, ZipEntry>();
  for (const e of archive.entries) {
    const folder = e.name.includes('/') ? e.name.slice(0, e.name.lastIndexOf('/')).toLowerCase() : '';
    if (e.name.endsWith('/') || (folder !== 'sources' && folder !== '')) continue;
    const key = textKey(e.name);
    if (folder === 'sources' || !files.has(key)) files.set(key, e);
  }
  const texts = new Map<string, TextFile>();
  const paths = [...new Set(textPaths(project))];
  for (const [i, path] of paths.entries()) {
    await progress.step(`Reading ${path}`, i, paths.length);
    const key = textKey(path);
    if (texts.has(key)) continue;
    if (/^(relative|absolute):\/\//i.test(path)) {
      texts.set(key, { missing: `its text is outside the archive (${path})` });
      continue;
    }
    const entry = files.get(key);
    texts.set(key, entry ? decodeText(archive.read(entry)) : { missing: `its text file ${path} is not in the archive` });
  }
  return { format: 'qdpx', name: fileName, size: bytes.length, project, texts };
}
