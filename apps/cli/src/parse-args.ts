/** `--name value`, `--name=value` and bare `--flag` (= "true") into `flags`; positional words into `_`. */
export function parseArgs(argv: string[]): { _: string[]; flags: Record<string, string> } {
  const out = { _: [] as string[], flags: {} as Record<string, string> };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split('=', 2);
      if (inline !== undefined) out.flags[name] = inline;
      else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) out.flags[name] = argv[++i];
      else out.flags[name] = 'true';
    } else out._.push(arg);
  }
  return out;
}
