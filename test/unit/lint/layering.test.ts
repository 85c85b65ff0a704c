import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** The messages of the project's lint config for `code` as if it were the file at `path`. */
async function problems(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

const IMPORT_ELECTRON = "import { app } from 'electron';\nexport const name = app.getName();\n";

describe('the layering rules the READMEs state are enforced by lint', () => {
  it.each(['electron/backend/services/planted.ts', 'electron/cli/planted.ts', 'electron/server/planted.ts'])(
    '%s may not import electron',
    async (path) => {
      expect(await problems(path, IMPORT_ELECTRON)).toEqual([expect.stringContaining('Only electron/main and electron/preload may import electron')]);
    },
  );

  it('electron/main may import electron', async () => {
    expect(await problems('electron/main/planted.ts', IMPORT_ELECTRON)).toEqual([]);
  });

  it('the backend may not reach into the Electron shell', async () => {
    const code = "import { createWindow } from '../../main/window.ts';\nexport const open = createWindow;\n";
    expect(await problems('electron/backend/services/planted.ts', code)).toEqual([expect.stringContaining('never import the Electron shell')]);
  });

  it('an import parser may not reach the pipeline or the store', async () => {
    const code = "import { stageFiles } from '../pipeline/staging.ts';\nexport const stage = stageFiles;\n";
    expect(await problems('electron/backend/import/parsers/planted.ts', code)).toEqual([expect.stringContaining('Import parsers are pure')]);
    const repo = "import { insertUnits } from '../../repositories/import-units.ts';\nexport const insert = insertUnits;\n";
    expect(await problems('electron/backend/import/parsers/planted.ts', repo)).toEqual([expect.stringContaining('Import parsers are pure')]);
    expect(await problems('electron/backend/import/pipeline/planted.ts', code)).toEqual([]);
  });

  it('a feature store may not import another feature store', async () => {
    const code = "import { useCodebookStore } from '../codebook/store.ts';\nexport const codes = () => useCodebookStore.getState();\n";
    expect(await problems('renderer/src/features/memos/store.ts', code)).toEqual([expect.stringContaining('Feature stores never import each other')]);
    // A component composing two stores is the documented way, and allowed.
    expect(await problems('renderer/src/features/memos/MemoList.tsx', code)).toEqual([]);
  });

  it('shared UI in src/ui/ may not import a feature', async () => {
    const code = "import { useMemosStore } from '../features/memos/store.ts';\nexport const memos = () => useMemosStore.getState();\n";
    expect(await problems('renderer/src/ui/planted.ts', code)).toEqual([expect.stringContaining('imports none of them')]);
  });

  it('the renderer may not import Node or the backend, and shared/ neither side', async () => {
    expect(await problems('renderer/src/features/memos/planted.ts', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n"))
      .toEqual([expect.stringContaining('sandboxed page')]);
    expect(await problems('renderer/src/features/memos/planted.ts', "import { Host } from '../../../../electron/backend/host.ts';\nexport const h = Host;\n"))
      .toContainEqual(expect.stringContaining('only through the API contract'));
    expect(await problems('shared/domain/planted.ts', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n"))
      .toEqual([expect.stringContaining('shared/ runs everywhere')]);
    expect(await problems('electron/backend/planted.ts', "import { App } from '../../renderer/src/app/App.tsx';\nexport const a = App;\n"))
      .toEqual([expect.stringContaining('electron/ never imports the renderer')]);
  });
});
