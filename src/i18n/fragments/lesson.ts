/**
 * Messages of the guided lesson (src/components/lesson/), loaded with its panel. Each scene has a
 * title, one to three short sentences (body) and what to do or watch (do); their numbers come from
 * the core (sceneParams in src/core/lesson/text.ts), never from here.
 */
export const lessonMessages = {
  'lesson.label': 'Lesson',
  'lesson.count': 'Scene {k} of {n}',
  'lesson.announce': 'Scene {k} of {n}: {title}',
  'lesson.previous': 'Previous scene',
  'lesson.next': 'Next scene',
  'lesson.leave': 'Leave the lesson',
  'lesson.tryIt': 'Try it yourself',
  'lesson.tryItHint': 'Leaves the lesson; everything stays as it is now',
  'lesson.run.search': 'Search again',
  'lesson.run.step': 'Take one step',
  'lesson.run.stepSample': 'Step one sample',
  'lesson.run.play': 'Run it',

  'lesson.scene.task.title': 'The task: find w',
  'lesson.scene.task.body':
    'The training set has three points: x_data = {xs}, y_data = {ys}. The model is ŷ = x·w, and training means finding the w whose predictions come closest to y. As in the lecture, we start from the guess w = {w0}.',
  'lesson.scene.task.do':
    'Look at the gap between each point and the line: the cost is the mean of their squares, {cost} at w = {w0}.',

  'lesson.scene.search.title': 'The old way: exhaustive search (穷举法)',
  'lesson.scene.search.body':
    'The previous lecture tried every w on a grid: {first}, {second}, …, {last}, {count} values, each a pass over all the data. With two parameters the same grid needs {count}² = {squared} evaluations, with ten {count}¹⁰ = {tenth}.',
  'lesson.scene.search.do':
    'Watch the {count} evaluations appear: the lowest cost is at w = {best}. Gradient descent gets as close in {gdSteps} steps.',

  'lesson.scene.gradient.title': 'The gradient: which way is downhill',
  'lesson.scene.gradient.body':
    'Instead of trying every w, look at the slope of the cost where we stand. The lecture’s gradient() averages 2·x·(x·w − y) over the data: at w = {w0} it is {grad}. Negative means the cost falls as w grows, so w should grow.',
  'lesson.scene.gradient.do': 'Find the tangent at w = {w0} on GD’s landscape: its slope is this gradient.',

  'lesson.scene.step.title': 'One step downhill',
  'lesson.scene.step.body':
    'Gradient descent moves w against the gradient: w = w − lr × gradient. With the lecture’s learning rate, w = {w0} − {lr} × ({grad}) = {w1}, the first line the lecture’s script prints.',
  'lesson.scene.step.do': 'Press “Take one step” and read GD’s formula: w goes from {w0} to {w1}.',

  'lesson.scene.epochs.title': '{epochs} epochs',
  'lesson.scene.epochs.body':
    'The lecture repeats that step {epochs} times. The cost falls fast at first, then ever more slowly, because the steps shrink with the slope. At the end w = {w}, and the model predicts ŷ({x}) = {predict}.',
  'lesson.scene.epochs.do': 'Watch GD print its lines while the loss curve flattens out.',

  'lesson.scene.rate1.title': 'The learning rate sets the step',
  'lesson.scene.rate1.body':
    'The learning rate decides how far each step goes. The lecture uses {lectureLr}; here it is {lr}, ten times that.',
  'lesson.scene.rate1.do': 'Predict first, then press “Run it”.',
  'lesson.scene.rate2.title': 'A bolder step',
  'lesson.scene.rate2.body':
    'Now {lr}, twice the last one. A step that is too long can carry w past the bottom of the bowl.',
  'lesson.scene.rate2.do': 'Predict first, then press “Run it”.',
  'lesson.scene.rate3.title': 'Bolder still',
  'lesson.scene.rate3.body':
    'Now {lr}, only a little more. What if each step lands further from the bottom than it started?',
  'lesson.scene.rate3.do': 'Predict first, then press “Run it”.',

  'lesson.scene.sgd.title': 'SGD: one update per sample',
  'lesson.scene.sgd.body':
    'Stochastic gradient descent takes one sample at a time and updates w at once with that sample’s gradient 2·x·(x·w − y): {n} updates an epoch, {updates} in {epochs} epochs, where GD makes {epochs}.',
  'lesson.scene.sgd.do':
    'Press “Step one sample” (Shift+→) and watch SGD print a grad: line for each update.',

  'lesson.scene.versus.title': 'GD and SGD side by side',
  'lesson.scene.versus.body':
    'Real data is noisy: here {n} points scatter around y = 2x. GD makes one update an epoch from all of them and slides down smoothly; SGD makes {n}, each pulled by one noisy point, and zig-zags around the bottom, in a new order every epoch.',
  'lesson.scene.versus.do': 'Compare the two loss curves, and the Updates of each run.',

  'lesson.scene.summary.title': 'Summary, and your turn',
  'lesson.scene.summary.body':
    'Gradient descent follows the negative gradient instead of trying every value, so it narrows the search fast. The learning rate sets the step: too small is slow, too large overshoots or diverges. SGD updates after every sample: more, cheaper, noisier steps.',
  'lesson.scene.summary.do': 'Press “Try it yourself” to leave the lesson and keep this setup to play with.',

  'lesson.task.figure':
    'The training points and the line ŷ = {w}·x; the dashed gaps are the errors whose squares the cost averages.',
  'lesson.task.line': 'ŷ = {w}·x',
  'lesson.task.cost': 'cost = {cost}',

  'lesson.search.figure':
    'Exhaustive search: the cost at each of the {count} values of w from {first} to {last}, drawn one evaluation at a time, and how the grid grows with the parameters beside the steps gradient descent needs.',
  'lesson.search.title': 'Exhaustive search',
  'lesson.search.progress': '{done, plural, one {# evaluation} other {# evaluations}} of {count}',
  'lesson.search.best': 'lowest: cost({w}) = {cost}',
  'lesson.search.growth': 'Passes over the data to get within {tolerance} of the best (log scale)',
  'lesson.search.parameters': '{n, plural, one {# parameter} other {# parameters}}',
  'lesson.search.parametersW': '1 parameter: ŷ = x·w',
  'lesson.search.parametersWb': '2 parameters: ŷ = x·w + b',
  'lesson.search.grid': 'grid: {count}',
  'lesson.search.gd': 'GD at lr = {lr}: {steps, plural, one {# step} other {# steps}}',
  'lesson.search.gdAll': 'GD: each step moves all {n} at once',
  'lesson.search.days': '≈ {days} days at a billion a second',

  'lesson.gradient.heading': 'gradient(x_data, y_data) at w = {w}',
  'lesson.step.heading': 'The update',
  'lesson.step.printed': 'The lecture prints',
  'lesson.sgd.heading': 'After epoch 0 the lecture’s SGD script prints',
  'lesson.sgd.loss':
    'That loss is loss(x, y) of the last sample alone, after its update: {loss}. The cost over all {n} samples at the same w is {cost}, which the script never prints.',

  'lesson.question.legend': 'Predict: at learning rate {lr}, what will w do?',
  'lesson.outcome.smooth': 'Move steadily toward w* = {target} without passing it',
  'lesson.outcome.oscillating': 'Swing past w* = {target} and back, closer each time',
  'lesson.outcome.diverges': 'Swing past w* = {target} and back, further each time',
  'lesson.outcome.one-step': 'Land on w* = {target} in one step',
  'lesson.outcome.stalls': 'Bounce between the same two values',
  'lesson.reveal.marker': 'what happened',
  'lesson.reveal.yours': 'your prediction',
  'lesson.reveal.result': 'You predicted: {choice}. What happened: {outcome}.',
  'lesson.reveal.noChoice': 'No prediction was chosen. What happened: {outcome}.',
  'lesson.reveal.waiting': 'The answer shows once the run has played to its end.',
  'lesson.reveal.why.smooth':
    'Each epoch multiplies w’s distance to w* by {factor}: between 0 and 1, so w closes in from one side.',
  'lesson.reveal.why.oscillating':
    'Each epoch multiplies w’s distance to w* by {factor}: negative, so w lands on the other side each time, but smaller than 1 in size, so the swings shrink.',
  'lesson.reveal.why.diverges':
    'Each epoch multiplies w’s distance to w* by {factor}: larger than 1 in size, so every swing is wider than the last.',
  'lesson.reveal.why.one-step':
    'Each epoch multiplies w’s distance to w* by {factor}: the first step lands on w*.',
  'lesson.reveal.why.stalls':
    'Each epoch multiplies w’s distance to w* by {factor}: exactly 1 in size, so w never gets closer.',
} as const;
