/** `--name value` and `--flag` pairs into a record; positional words under `_`. */
export function parseArgs(argv: string[]): Record<string, string | undefined> & { _: string[] } {
  const out: Record<string, string | undefined> & { _: string[] } = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split('=', 2);
      if (inline !== undefined) out[name] = inline;
      else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) out[name] = argv[++i];
      else out[name] = 'true';
    } else out._.push(arg);
  }
  return out;
}
