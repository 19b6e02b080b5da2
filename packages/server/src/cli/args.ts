/** A small argument parser: positional words and `--name value` / `--flag` options. */

/** Parsed arguments. */
export interface Args {
  positional: string[];
  options: Map<string, string | true>;
}

/** A usage error: the CLI prints it with the usage and exits with 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Splits `argv` (without node and the script) into words and options. */
export function parseArgs(argv: readonly string[], flags: readonly string[] = []): Args {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (!word.startsWith('--')) {
      positional.push(word);
      continue;
    }
    const [name, inline] = word.slice(2).split(/=(.*)/s, 2);
    if (inline !== undefined) options.set(name, inline);
    else if (flags.includes(name)) options.set(name, true);
    else {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--'))
        throw new UsageError(`--${name} needs a value.`);
      options.set(name, value);
      i++;
    }
  }
  return { positional, options };
}

/** A string option (required unless `fallback` is given). */
export function stringOption(args: Args, name: string, fallback?: string): string {
  const value = args.options.get(name);
  if (typeof value === 'string' && value.length > 0) return value;
  if (fallback !== undefined) return fallback;
  throw new UsageError(`--${name} is required.`);
}

/** A number option within `[min, max]`. */
export function numberOption(
  args: Args,
  name: string,
  fallback: number | undefined,
  min: number,
  max: number,
): number {
  const raw = args.options.get(name);
  if (raw === undefined) {
    if (fallback !== undefined) return fallback;
    throw new UsageError(`--${name} is required.`);
  }
  const value = Number(raw);
  if (typeof raw !== 'string' || !Number.isFinite(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a number from ${min} to ${max}.`);
  }
  return value;
}

/** A secret from `--NAME` or from the environment variable named by `--NAME-env`. */
export function secretOption(args: Args, name: string, env: NodeJS.ProcessEnv): string {
  const direct = args.options.get(name);
  if (typeof direct === 'string' && direct.length > 0) return direct;
  const variable = args.options.get(`${name}-env`);
  if (typeof variable === 'string') {
    const value = env[variable];
    if (value) return value;
    throw new UsageError(`The environment variable ${variable} (--${name}-env) is not set.`);
  }
  throw new UsageError(`--${name} or --${name}-env is required.`);
}
