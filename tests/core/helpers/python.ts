/**
 * Running the Python reference from the tests: one `python3` process per batch of work, never a skip.
 * If Python or the reference script cannot run, the calling test fails with a message saying why.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { TranscriptConfig } from '../../../src/core';

/** DOWNHILL_REFERENCE, if set: the reference directory, or its transcript.py. */
function referenceOverride(): { path: string; isDirectory: boolean } | null {
  const value = process.env.DOWNHILL_REFERENCE;
  if (value === undefined || value === '') return null;
  const resolved = path.resolve(value);
  return { path: resolved, isDirectory: existsSync(resolved) && statSync(resolved).isDirectory() };
}

/**
 * The reference directory: the lecture's scripts, what they print, and transcript.py. It is
 * ../shared/reference beside the project unless DOWNHILL_REFERENCE names another: the directory
 * itself, or the transcript.py in it. Every test finds the reference through here.
 */
export function referenceDir(): string {
  const override = referenceOverride();
  if (override === null) return path.resolve(process.cwd(), '../shared/reference');
  return override.isDirectory ? override.path : path.dirname(override.path);
}

/** The lecture's reference script, transcript.py (DOWNHILL_REFERENCE may name it directly). */
export function referenceScript(): string {
  const override = referenceOverride();
  return override !== null && !override.isDirectory
    ? override.path
    : path.join(referenceDir(), 'transcript.py');
}

/** A path in the reference directory, failing with a message saying how to point at it if it is not there. */
function existingReference(file: string, what: string): string {
  if (!existsSync(file)) {
    throw new Error(
      `The reference ${what} ${file} does not exist; set DOWNHILL_REFERENCE to the reference directory ` +
        '(or its transcript.py).',
    );
  }
  return file;
}

/** The reference script's path, failing loudly if it is not there. */
function existingReferenceScript(): string {
  return existingReference(referenceScript(), 'script');
}

/** A file of the reference directory (`gradient_descent.py`, `gradient_descent.out.txt`, …), as text. */
export function readReference(name: string): string {
  return readFileSync(existingReference(path.join(referenceDir(), name), 'file'), 'utf8');
}

/** The Python interpreter; DOWNHILL_PYTHON overrides `python3`. */
export function pythonExecutable(): string {
  return process.env.DOWNHILL_PYTHON ?? 'python3';
}

/** Runs `python3 -c code args…` with `input` on stdin and returns its stdout; throws loudly on any failure. */
export function runPython(code: string, args: readonly string[], input: string): string {
  const python = pythonExecutable();
  const result = spawnSync(python, ['-c', code, ...args], {
    input,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    timeout: 120_000,
  });
  if (result.error) {
    throw new Error(
      `Cannot run ${python} (${result.error.message}). These tests compare the core with Python itself; ` +
        'install Python 3 or point DOWNHILL_PYTHON at an interpreter.',
    );
  }
  if (result.status !== 0) {
    throw new Error(
      `${python} failed (exit status ${String(result.status)}, signal ${String(result.signal)}):\n${result.stderr}`,
    );
  }
  return result.stdout;
}

/** Runs a Python snippet that reads JSON on stdin and prints JSON on stdout. */
export function runPythonJson<T>(code: string, args: readonly string[], payload: unknown): T {
  const stdout = runPython(code, args, JSON.stringify(payload));
  try {
    return JSON.parse(stdout) as T;
  } catch (error) {
    throw new Error(
      `Python printed something that is not JSON (${String(error)}):\n${stdout.slice(0, 2000)}`,
      { cause: error },
    );
  }
}

/** The settings `transcript.py` reads, under its own JSON keys. */
export interface ReferenceConfig {
  readonly optimizer: 'gd' | 'sgd';
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  readonly w0: number;
  readonly lr: number;
  readonly epochs: number;
  readonly predict_x: number;
}

/** The reference's name for each of a transcript config's settings. */
export const toReference = (c: TranscriptConfig): ReferenceConfig => ({
  optimizer: c.optimizer,
  xs: c.xs,
  ys: c.ys,
  w0: c.w0,
  lr: c.lr,
  epochs: c.epochs,
  predict_x: c.predictX,
});

/** Fails with the config and the first line where the app's text and the reference's part. */
export function expectSameLines(config: TranscriptConfig, actual: string, expected: string): void {
  const actualLines = actual.split('\n');
  const expectedLines = expected.split('\n');
  for (let i = 0; i < Math.max(actualLines.length, expectedLines.length); i++) {
    if (actualLines[i] !== expectedLines[i]) {
      throw new Error(
        `Output differs from transcript.py at line ${i + 1} of ${expectedLines.length}\n` +
          `config: ${JSON.stringify(toReference(config))}\n` +
          `python: ${JSON.stringify(expectedLines[i])}\n` +
          `app:    ${JSON.stringify(actualLines[i])}`,
      );
    }
  }
}

// Imports transcript.py as a module and runs its main() once per config, with "square": "mul", capturing
// what it prints. argv[1] is the script's path; stdin is a JSON list of configs; stdout a JSON list of texts.
const TRANSCRIPT_DRIVER = `
import contextlib, importlib.util, io, json, sys
path = sys.argv[1]
spec = importlib.util.spec_from_file_location('downhill_reference_transcript', path)
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
configs = json.load(sys.stdin)
texts = []
for config in configs:
    config = dict(config)
    config['square'] = 'mul'
    sys.argv = [path, json.dumps(config)]
    module.square = module.SQUARE['mul']
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        module.main()
    texts.append(buffer.getvalue())
sys.stdout.write(json.dumps(texts))
`;

/**
 * What `python3 transcript.py '{…, "square": "mul"}'` prints for each config, all from one Python
 * process (without the final newline, so it compares with `pythonTranscript`).
 */
export function referenceTranscripts(configs: readonly ReferenceConfig[]): string[] {
  const script = existingReferenceScript();
  const texts = runPythonJson<unknown>(TRANSCRIPT_DRIVER, [script], configs);
  if (!Array.isArray(texts) || texts.length !== configs.length) {
    throw new Error(
      `Expected ${configs.length} transcripts from Python, got ${JSON.stringify(texts).slice(0, 200)}`,
    );
  }
  return texts.map((text) => String(text).replace(/\n$/, ''));
}

/** Caches a computation's result, or its error, so a failing Python run is reported by every test, once. */
export function memo<T>(compute: () => T): () => T {
  let state: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
  return () => {
    if (!state) {
      try {
        state = { ok: true, value: compute() };
      } catch (error) {
        state = { ok: false, error };
      }
    }
    if (state.ok) return state.value;
    throw state.error;
  };
}

/**
 * How transcript.py squares: 'pow', its default, is the lecture's `**2`; 'checked' raises exactly where
 * `**2` raises but returns d*d, the correctly rounded square the core prints (so where the script stops
 * and every digit it prints can both be compared exactly).
 */
export type ScriptSquare = 'pow' | 'checked';

/** What transcript.py wrote: its stdout, and the last line of the traceback if it raised. */
export interface ScriptRun {
  readonly stdout: string;
  readonly error: string | null;
}

// Imports transcript.py as a module and runs its main() once per config (argv[2] the square), capturing
// stdout and, if main() raises, the last line of the traceback Python would print for it.
const SCRIPT_OUTPUT_DRIVER = `
import contextlib, importlib.util, io, json, sys, traceback
path, square = sys.argv[1], sys.argv[2]
spec = importlib.util.spec_from_file_location('downhill_reference_transcript', path)
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
module.SQUARE['checked'] = lambda d: (d ** 2, d * d)[1]
results = []
for config in json.load(sys.stdin):
    config = dict(config)
    if square != 'pow':
        config['square'] = square
    sys.argv = [path, json.dumps(config)]
    buffer, error = io.StringIO(), None
    with contextlib.redirect_stdout(buffer):
        try:
            module.main()
        except Exception as e:
            error = traceback.format_exception_only(type(e), e)[-1].rstrip('\\n')
    results.append({'stdout': buffer.getvalue(), 'error': error})
sys.stdout.write(json.dumps(results))
`;

/** What transcript.py writes for each config with the given square, all from one Python process. */
export function referenceScriptRuns(configs: readonly ReferenceConfig[], square: ScriptSquare): ScriptRun[] {
  const script = existingReferenceScript();
  const runs = runPythonJson<unknown>(SCRIPT_OUTPUT_DRIVER, [script, square], configs);
  if (!Array.isArray(runs) || runs.length !== configs.length) {
    throw new Error(`Expected ${configs.length} runs from Python, got ${JSON.stringify(runs).slice(0, 200)}`);
  }
  return runs as ScriptRun[];
}

/**
 * A script run as the "Python output" view shows it: stdout's lines, then the traceback's last line,
 * `\n`-separated without a trailing newline (so it compares with `scriptTranscript`).
 */
export function shownOutput(run: ScriptRun): string {
  const stdout = run.stdout.replace(/\n$/, '');
  if (run.error === null) return stdout;
  return stdout === '' ? run.error : `${stdout}\n${run.error}`;
}

/** `python3 transcript.py CONFIG` in a process of its own: exit status, stdout and stderr as written. */
export function runReferenceScript(config: ReferenceConfig): {
  status: number | null;
  stdout: string;
  stderr: string;
} {
  const python = pythonExecutable();
  const result = spawnSync(python, [existingReferenceScript(), JSON.stringify(config)], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    timeout: 120_000,
  });
  if (result.error) {
    throw new Error(`Cannot run ${python} (${result.error.message}): these tests need Python 3.`);
  }
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
