#!/usr/bin/env python3
"""The lecture's gradient descent and stochastic gradient descent loops, timed, without printing.

Usage:  python3 bench/python_loop.py '{"optimizer": "gd", "epochs": 100000, "reps": 5}'
        (or the same JSON on standard input)

Keys (defaults are the lecture's): optimizer ("gd" | "sgd"), xs, ys ([1.0, 2.0, 3.0], [2.0, 4.0, 6.0]),
w0 (1.0), lr (0.01), epochs (100), reps (5).

The code timed is the lecture's script (../shared/reference/gradient_descent.py and
stochastic_gradient_descent.py), statement for statement, run at module level as the lecture runs it
(w a global read by forward(), the epoch_list / cost_list appends kept, `**2` squares), with two
changes: the hard-coded numbers are settings, and the print() calls inside the loop are gone (the
benchmark measures arithmetic, not a terminal). The prints before and after training are dropped too.

Each repetition executes the compiled script in a fresh namespace and is timed with
time.perf_counter(); `warmup` repetitions (default 1) run first, untimed, as the core gets its
warm-up (CPython 3.11 specialises its bytecode within the first iterations, so one is plenty).
Prints one JSON object: the settings, the seconds of every repetition, the minor page faults of
each, the interpreter, and the final w (repr) so the caller can check that the TypeScript core did
the same work.
"""
import json
import platform
import sys
import time

try:
    import resource
except ImportError:  # not on Windows
    resource = None

GD = '''
w = W0
def forward(x):
    return x*w
def cost(xs, ys):
    cost = 0
    for x, y in zip(xs,ys):
        y_pred = forward(x)
        cost += (y_pred - y)**2
    return cost / len(xs)
def gradient(xs,ys):
    grad = 0
    for x, y in zip(xs,ys):
        grad += 2*x*(x*w - y)
    return grad / len(xs)
epoch_list = []
cost_list = []
for epoch in range(EPOCHS):
    cost_val = cost(x_data, y_data)
    grad_val = gradient(x_data, y_data)
    w-= LR * grad_val
    epoch_list.append(epoch)
    cost_list.append(cost_val)
'''

SGD = '''
w = W0
def forward(x):
    return x*w
def loss(x, y):
    y_pred = forward(x)
    return (y_pred - y)**2
def gradient(x, y):
    return 2*x*(x*w - y)
epoch_list = []
loss_list = []
for epoch in range(EPOCHS):
    for x,y in zip(x_data, y_data):
        grad = gradient(x,y)
        w = w - LR*grad
        l = loss(x,y)
    epoch_list.append(epoch)
    loss_list.append(l)
'''


def main():
    text = sys.argv[1] if len(sys.argv) > 1 else sys.stdin.read()
    c = json.loads(text)
    optimizer = c.get('optimizer', 'gd')
    source = {'gd': GD, 'sgd': SGD}[optimizer]
    xs = [float(v) for v in c.get('xs', [1.0, 2.0, 3.0])]
    ys = [float(v) for v in c.get('ys', [2.0, 4.0, 6.0])]
    w0 = float(c.get('w0', 1.0))
    lr = float(c.get('lr', 0.01))
    epochs = int(c.get('epochs', 100))
    reps = int(c.get('reps', 5))
    warmup = int(c.get('warmup', 1))
    code = compile(source, '<lecture-' + optimizer + '>', 'exec')

    def faults():
        return resource.getrusage(resource.RUSAGE_SELF).ru_minflt if resource else 0

    seconds = []
    faults_per_rep = []
    w = None
    for rep in range(warmup + reps):
        namespace = {'x_data': list(xs), 'y_data': list(ys), 'W0': w0, 'LR': lr, 'EPOCHS': epochs}
        faults_before = faults()
        start = time.perf_counter()
        exec(code, namespace)
        elapsed = time.perf_counter() - start
        if rep >= warmup:
            seconds.append(elapsed)
            faults_per_rep.append(faults() - faults_before)
        w = namespace['w']

    print(json.dumps({
        'optimizer': optimizer,
        'n': len(xs),
        'epochs': epochs,
        'reps': reps,
        'warmup': warmup,
        'seconds': seconds,
        'faults': faults_per_rep,
        'w': repr(w),
        'python': platform.python_version(),
        'executable': sys.executable,
    }))


if __name__ == '__main__':
    main()
