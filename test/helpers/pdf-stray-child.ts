/**
 * Child process for test/integration/import/pdf-strays.test.ts: parses a PDF on this process's
 * main thread (as the backend does when no parsing thread can run), waits for stray rejections
 * to surface, and prints the text. With "then-reject", a rejection of our own follows, which must
 * still end the process as Node's default does.
 */
import { parseSource } from '../../electron/backend/import/parsers/parse-source.ts';
import { makePdfWithStaleXref } from './files.ts';

const parsed = await parseSource('edited.pdf', makePdfWithStaleXref(['First page.', 'Second page.']), 'document');
await new Promise((resolve) => setTimeout(resolve, 300));
console.log(JSON.stringify(parsed.kind === 'document' ? parsed.text : null));
if (process.argv[2] === 'then-reject') {
  void Promise.reject(new Error('a rejection nobody handles, not from pdf.js'));
  await new Promise((resolve) => setTimeout(resolve, 300));
}
console.log('survived');
