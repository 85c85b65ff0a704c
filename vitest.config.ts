import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // pdf.js leaves rejections nobody awaits when a file is damaged (a page tree's kids fetched
    // ahead and never reached), while the parse itself resolves or is refused with an ImportError,
    // which is what the tests check. The app ignores exactly those (isPdfjsException in
    // parsers/pdf.ts); vitest's own listener sees them too and gets the same rule here, on the
    // error as it reaches this process: pdf.js's exceptions carry the stack of its BaseException,
    // made when pdf.js loads. Any other stray error still fails the run.
    onUnhandledError: (error) => !(/BaseExceptionClosure/.test(error.stack ?? '') && /pdfjs-dist/.test(error.stack ?? '')),
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
