/** Messages of the landscape2d feature: cost(w, b) as a contour map with the run's path on it. */
export const landscape2dMessages = {
  'landscape2d.title': 'Loss landscape: cost(w, b)',
  'landscape2d.description':
    'A contour map of cost(w, b) = mean((x·w + b − y)²), w across and b up, shaded deeper toward the minimum θ*. Dots joined by a line mark (w, b) after each epoch, the ball is the current (w, b), and the arrow points along −∇cost, the way gradient descent steps.',
  'landscape2d.descriptionSteps':
    'A thinner line follows every update of the latest epochs: each uses only part of the data, so the path zig-zags across the valley.',
  'landscape2d.wAxis': 'w',
  'landscape2d.bAxis': 'b',
  'landscape2d.optimumMark': 'θ*',
  'landscape2d.startMark': 'θ₀',
  'landscape2d.current': '(w, b) = ({w}, {b})',
  'landscape2d.cost': 'cost = {value}',
  'landscape2d.gradient': '∇cost = ({w}, {b})',
  'landscape2d.optimum': 'θ* = ({w}, {b})',
  'landscape2d.nextStep': 'next step Δw = {w}, Δb = {b}',
  'landscape2d.descriptionNextStep':
    'A dashed arrow in the run’s colour goes from the ball to where its next update takes it, to scale: its velocity or its adapted step size at work.',
  'landscape2d.offChart': '(w, b) = ({w}, {b}) is off the chart.',
  'landscape2d.pathClipped': 'Part of the path is off the chart.',
  'landscape2d.legendContours': 'lines of equal cost',
  'landscape2d.legendPath': '(w, b) after each epoch',
  'landscape2d.legendStepsSgd': 'each one-sample update (latest epochs)',
  'landscape2d.legendStepsBatch': 'each mini-batch update (latest epochs)',
  'landscape2d.legendArrow': '−∇cost: direction only, length scaled',
  'landscape2d.legendNextStep': 'its next update, to scale',
  'landscape2d.legendOptimum': 'θ*: the least-squares fit',
} as const;
