/** Options every entry point accepts: --project PATH, --port N, --home DIR. */
export type LaunchArgs = { project?: string; port?: number; home?: string; rest: string[] };

export function parseLaunchArgs(argv: readonly string[]): LaunchArgs {
  const out: LaunchArgs = { rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--project') out.project = value();
    else if (flag === '--home') out.home = value();
    else if (flag === '--port') {
      const v = value();
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port must be a port number (0-65535), not "${v}"`);
      out.port = n;
    } else out.rest.push(arg);
  }
  return out;
}
