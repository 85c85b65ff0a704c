export const SOURCE_DIRS: readonly string[];
export const BUILD_OUTPUTS: readonly string[];
export function buildReason(root: string): 'missing' | 'stale' | null;
