import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // pdf.js rejects some of its own internal promises that nobody awaits when a stream is
    // malformed (FormatError from its worker code), while the parse itself resolves or is refused
    // with an ImportError, which is what the tests check. Only those are ignored; any other stray
    // error still fails the run. (In the app, PDFs are parsed on the import's parsing thread.)
    onUnhandledError: (error) => !(/^(FormatError|InvalidPDFException|UnknownErrorException)$/.test(error.name ?? '') && /pdfjs-dist/.test(error.stack ?? '')),
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'integration', include: ['test/integration/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // A 2-core machine running a build beside the suite can take over a second to react;
          // expect.poll's default of 1 s made such runs fail at random.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
