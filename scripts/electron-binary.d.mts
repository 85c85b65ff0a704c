export function electronPlatformPath(platform?: NodeJS.Platform | 'mas'): string;
export function findElectronBinary(root: string, env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform): string | null;
export function electronVersion(root: string): string | null;
export function electronNativeDir(root: string): string;
export function electronSqliteBindingPath(root: string): string;
export function electronSqliteStampPath(root: string): string;
export function hasElectronSqliteBinding(root: string): boolean;
