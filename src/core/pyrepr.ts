/**
 * Python's way of printing numbers, so that a transcript reads exactly as `python3` prints it.
 *
 * Python's `repr(float)` and JavaScript's `String(number)` both choose the shortest digits that
 * round-trip; only the layout differs (`4.0` vs `4`, `1e-05` vs `0.00001`, `inf` vs `Infinity`).
 */

/**
 * repr(x) for a Python float: shortest round-trip digits; positional when the decimal exponent e
 * (x = d.ddd × 10^e) satisfies −4 ≤ e < 16, otherwise `d.ddde±XX` with at least two exponent digits.
 */
export function pyFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';

  const sign = x < 0 ? '-' : '';
  // toExponential() without an argument gives the shortest round-trip digits: "d.ddde±x".
  const [mantissa = '', exponentText = '0'] = Math.abs(x).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exponent = Number(exponentText);

  if (exponent < -4 || exponent >= 16) {
    const fraction = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const expSign = exponent < 0 ? '-' : '+';
    return `${sign}${digits[0]}${fraction}e${expSign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  if (exponent < 0) {
    return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  }
  const pointAt = exponent + 1;
  if (digits.length <= pointAt) {
    return `${sign}${digits}${'0'.repeat(pointAt - digits.length)}.0`;
  }
  return `${sign}${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
}

/**
 * A Python float literal that evaluates to exactly x: repr(x) for a finite x (shortest round-trip
 * digits, so float(repr(x)) == x, sign of zero included), `float('inf')`/`float('nan')` otherwise.
 * (Here rather than in pythonScript.ts: the optimizers' modules, which the first page loads, write
 * their torch.optim constructors with it, and would otherwise bring the lecture's scripts along.)
 */
export function pyFloatLiteral(x: number): string {
  if (Number.isNaN(x)) return "float('nan')";
  if (x === Infinity) return "float('inf')";
  if (x === -Infinity) return "-float('inf')";
  return pyFloat(x);
}

/** str(n) for a Python int given as a JavaScript integer-valued number (exact, any magnitude). */
export function pyInt(n: number): string {
  return BigInt(n).toString();
}

/**
 * How Python prints a number that came from JSON or source code as written: whole numbers are ints
 * (`4`), everything else is a float (`2.5`). Used for `predict_x`, which the lecture prints as given.
 */
export function pyLiteral(x: number): string {
  return Number.isInteger(x) ? pyInt(x) : pyFloat(x);
}

/** A value `print` receives: text is printed as is, a number as a Python float. */
export type PyPrintable = string | number | { int: number };

/** print(a, b, c): str() of each argument, joined by single spaces. */
export function pyPrint(...args: readonly PyPrintable[]): string {
  return args
    .map((arg) => (typeof arg === 'string' ? arg : typeof arg === 'number' ? pyFloat(arg) : pyInt(arg.int)))
    .join(' ');
}
