import type { LearningRateRegime } from '../regime';

/**
 * Adaptive methods (RMSprop, AdaGrad, Adam) divide each step by a running size of the gradient, so
 * the step length is about α whatever the curvature: no learning rate is "past the limit" the way
 * it is for GD. Their regime says exactly that instead of a factor per epoch.
 */
export const adaptiveRegime = (): LearningRateRegime => ({ kind: 'adaptive', factor: Infinity });
