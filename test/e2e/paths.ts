import { join } from 'node:path';

/** The renderer build the e2e tests serve: apart from dist/, which other tests rebuild. */
export const E2E_RENDERER_DIR = join(process.cwd(), 'test-results', 'e2e-renderer');
