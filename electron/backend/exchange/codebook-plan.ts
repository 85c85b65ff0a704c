import { paletteColor } from '../../../shared/domain/palette.ts';
import type { CodebookChange, ExchangeWarning, FrameworkChange } from '../../../shared/domain/exchange-types.ts';
import type { Code, CodeOrigin, Framework } from '../../../shared/domain/types.ts';
import { FRAMEWORK_SEPARATOR, INDUCTIVE_SET, parseDescription, SECTION_SET_PREFIX, type CodeDescription } from './codebook-export.ts';
import { cleanFreeText, cleanLabel } from './names.ts';
import type { RefiCode, RefiSet } from './refi-model.ts';

/**
 * How a file's codes and code sets merge into the project's codebook. Codes are matched by
 * their name path, ignoring case (the project's rule for sibling names): a path the project
 * has is that code; any other is added under its parent. Nothing of the project's is
 * renamed, moved, recoloured or deleted; a code without a definition gets the file's.
 */

export type PlannedCode = CodeDescription & {
  key: string;
  parentKey: string | null;
  name: string;
  path: string[];
  /** The project's code at this path, or null when the code is added. */
  existingId: number | null;
  color: string;
  origin: CodeOrigin;
  /** The file's GUIDs of this code (two siblings of one name in the file become one code). */
  guids: string[];
  change: CodebookChange;
};

export type PlannedElement = { framework: string; element: string; description: string; codeKeys: string[] };

export type CodebookPlan = {
  codes: PlannedCode[];
  /** File GUID → key of the planned code. */
  byGuid: Map<string, string>;
  elements: PlannedElement[];
  /** Framework descriptions from the file, by framework name (lowercase). */
  frameworkDescriptions: Map<string, string>;
  frameworks: FrameworkChange[];
  /** Sets that link no code and are not ours: the caller decides (source sets) or reports them. */
  otherSets: RefiSet[];
  warnings: ExchangeWarning[];
};

/** Longest code name the API accepts (shared/api/methods/codes.ts). */
const MAX_CODE_NAME = 120;
const MAX_NAME = 200;
const MAX_TEXT = 20_000;

/** The set holding a file's code groups when they are not our framework elements. */
export const CODE_GROUPS_FRAMEWORK = 'Code groups';

const keyOf = (path: readonly string[]) => path.map((p) => p.toLowerCase()).join('\u0000');
const showPath = (path: readonly string[]) => path.join(' / ');

/** `#RGB` or `#RRGGBB` as lowercase `#rrggbb`; null for anything else. */
export function normaliseColor(raw: string | null): string | null {
  const value = raw?.trim() ?? '';
  if (/^#[0-9a-fA-F]{6}$/.test(value)) return value.toLowerCase();
  if (/^#[0-9a-fA-F]{3}$/.test(value)) return `#${[...value.slice(1)].map((c) => c + c).join('')}`.toLowerCase();
  return null;
}

export function planCodebook(existing: readonly Code[], frameworks: readonly Framework[], codes: readonly RefiCode[], sets: readonly RefiSet[]): CodebookPlan {
  const warnings: ExchangeWarning[] = [];
  const existingByKey = new Map<string, Code>();
  const byId = new Map(existing.map((c) => [c.id, c]));
  const pathOf = (c: Code): string[] => (c.parentId === null ? [c.name] : [...pathOf(byId.get(c.parentId)!), c.name]);
  for (const c of existing) existingByKey.set(keyOf(pathOf(c)), c);

  const planned = new Map<string, PlannedCode>();
  const byGuid = new Map<string, string>();
  let roots = 0;

  const ensure = (path: string[], source: RefiCode | null, parentColor: string | null): PlannedCode => {
    const key = keyOf(path);
    const parentKey = path.length > 1 ? keyOf(path.slice(0, -1)) : null;
    const known = planned.get(key);
    const name = path[path.length - 1]!;
    if (known) {
      if (source && known.guids.length > 0) warnings.push({ where: `Code ${showPath(path)}`, message: 'appears twice at this place in the file; both are brought in as one code' });
      if (source) known.guids.push(source.guid);
      return known;
    }
    const mine = existingByKey.get(key);
    const parsed = parseDescription(source && source.description.trim() !== '' ? source.description : '');
    const description = Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, cleanFreeText(v, MAX_TEXT).value])) as CodeDescription;
    const fileColor = source ? normaliseColor(source.color) : null;
    if (source && source.color !== null && fileColor === null && !mine) {
      warnings.push({ where: `Code ${showPath(path)}`, message: `its colour "${source.color}" is not #RGB or #RRGGBB; it gets a colour of its own` });
    }
    const color = mine?.color ?? fileColor ?? parentColor ?? paletteColor(parentKey === null ? roots : 0);
    if (parentKey === null) roots++;
    let change: CodebookChange;
    if (!mine) change = { action: 'add', path, color, definition: description.definition };
    else if (!description.definition.trim() || description.definition.trim() === mine.definition.trim()) change = { action: 'same', path };
    else if (!mine.definition.trim()) change = { action: 'describe', path, definition: description.definition };
    else change = { action: 'keep', path, ours: mine.definition, theirs: description.definition };
    const code: PlannedCode = {
      ...description,
      key,
      parentKey,
      name,
      path,
      existingId: mine?.id ?? null,
      color,
      origin: mine?.origin ?? 'deductive',
      guids: source ? [source.guid] : [],
      change,
    };
    planned.set(key, code);
    return code;
  };

  // ATLAS.ti 8 flattened its hierarchy into names ("Parent::Child"); a flat list with such names is read as a tree.
  const flattened = codes.every((c) => c.children.length === 0) && codes.some((c) => c.name.includes('::'));
  const walk = (code: RefiCode, parentPath: string[], parentColor: string | null) => {
    let names = [code.name];
    if (flattened && parentPath.length === 0) names = code.name.split('::');
    names = names.map((raw, i) => {
      const { value, changed } = cleanLabel(raw, MAX_CODE_NAME);
      if (!value) {
        warnings.push({ where: `Code ${code.guid}`, message: 'has no name; it is called "(unnamed code)"' });
        return i === names.length - 1 ? '(unnamed code)' : '(unnamed group)';
      }
      if (changed && value.length >= MAX_CODE_NAME) warnings.push({ where: `Code ${value}`, message: `its name is longer than ${MAX_CODE_NAME} characters; it is shortened` });
      return value;
    });
    let path = parentPath;
    let color = parentColor;
    names.forEach((name, i) => {
      path = [...path, name];
      const last = i === names.length - 1;
      const c = ensure(path, last ? code : null, color);
      color = c.color;
      if (last) byGuid.set(code.guid, c.key);
    });
    for (const child of code.children) walk(child, path, color);
  };
  for (const code of codes) walk(code, [], null);

  const result = readSets(sets, planned, byGuid, frameworks, warnings);
  return { codes: [...planned.values()], byGuid, ...result, warnings };
}

function readSets(sets: readonly RefiSet[], planned: Map<string, PlannedCode>, byGuid: Map<string, string>, frameworks: readonly Framework[], warnings: ExchangeWarning[]) {
  const elements: PlannedElement[] = [];
  const frameworkDescriptions = new Map<string, string>();
  const otherSets: RefiSet[] = [];
  for (const set of sets) {
    const members = set.codes.map((g) => byGuid.get(g));
    const missing = members.filter((k) => k === undefined).length;
    if (missing > 0) warnings.push({ where: `Set ${set.name}`, message: `${missing} of its codes are not in the file; they are left out of the set` });
    const codeKeys = [...new Set(members.filter((k): k is string => k !== undefined))];
    const name = cleanLabel(set.name, MAX_NAME).value || '(unnamed set)';
    const separator = name.indexOf(FRAMEWORK_SEPARATOR);
    if (name.toLowerCase() === INDUCTIVE_SET.toLowerCase()) {
      for (const key of codeKeys) {
        const code = planned.get(key)!;
        if (code.existingId === null) code.origin = 'inductive';
      }
    } else if (name.startsWith(SECTION_SET_PREFIX) && codeKeys.some((k) => planned.get(k)!.parentKey === null)) {
      // Our scheme sections: the code tree already says which categories each holds.
    } else if (separator > 0) {
      elements.push({ framework: name.slice(0, separator), element: name.slice(separator + FRAMEWORK_SEPARATOR.length), description: set.description, codeKeys });
    } else if (set.codes.length + set.sources.length + set.notes.length === 0) {
      // A set with no members: our framework's own set (its description), or an empty group: a framework either way.
      frameworkDescriptions.set(name.toLowerCase(), set.description);
    } else if (set.codes.length > 0) {
      elements.push({ framework: CODE_GROUPS_FRAMEWORK, element: name, description: set.description, codeKeys });
    } else {
      otherSets.push(set);
    }
  }
  for (const name of frameworkDescriptions.keys()) {
    if (!elements.some((e) => e.framework.toLowerCase() === name)) {
      const set = sets.find((s) => (cleanLabel(s.name, MAX_NAME).value || '(unnamed set)').toLowerCase() === name);
      elements.push({ framework: set ? cleanLabel(set.name, MAX_NAME).value || '(unnamed set)' : name, element: '', description: '', codeKeys: [] });
    }
  }
  const existing = new Map(frameworks.map((f) => [f.name.toLowerCase(), f]));
  const frameworkChanges: FrameworkChange[] = elements
    .filter((e) => e.element !== '')
    .map((e) => {
      const f = existing.get(e.framework.toLowerCase());
      return {
        framework: e.framework,
        element: e.element,
        codes: e.codeKeys.length,
        newFramework: !f,
        newElement: !f?.elements.some((x) => x.name.toLowerCase() === e.element.toLowerCase()),
      };
    });
  return { elements, frameworkDescriptions, frameworks: frameworkChanges, otherSets };
}

export const pathKey = keyOf;
