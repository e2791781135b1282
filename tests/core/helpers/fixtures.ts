/**
 * The lecture's two printed outputs, exactly as its scripts print them (tests/fixtures/*.out.txt):
 * the one place the tests of every suite read them from.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

// From the project's root, where every suite runs (under jsdom, import.meta.url is no file: URL).
const FIXTURES = path.resolve(process.cwd(), 'tests/fixtures');

/** The lecture's scripts whose printouts are fixtures. */
export type LectureScript = 'gradient_descent' | 'stochastic_gradient_descent';

/** What `python3 NAME.py` prints, byte for byte (ending in a newline, as stdout does). */
export function lectureOutput(name: LectureScript): string {
  return readFileSync(path.join(FIXTURES, `${name}.out.txt`), 'utf8');
}

/** The printout without its final newline (as `pythonTranscript` and `scriptTranscript` give it). */
export function lectureTranscript(name: LectureScript): string {
  return lectureOutput(name).replace(/\n$/, '');
}

/** The printed lines, in order. */
export function lectureOutputLines(name: LectureScript): string[] {
  return lectureTranscript(name).split('\n');
}
