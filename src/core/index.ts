/** Downhill's pure core: data, model, optimizers, the Python-exact transcript. No React, no DOM. */
export { LECTURE, meanOfPower, type Dataset } from './dataset';
export {
  batchGradient,
  batchLoss,
  cost,
  descend,
  predict,
  sampleGradient,
  sampleLoss,
  type ModelKind,
  type Params,
} from './model';
export {
  advance,
  batchSizeOf,
  epochBatches,
  epochOrder,
  epochUpdates,
  namedOptimizerState,
  optimizerStateOf,
  paramsBeforeEpoch,
  startRun,
  stateBeforeEpoch,
  updatesAfter,
  updatesPerEpoch,
  type NamedState,
  type OptimizerKind,
  type OptimizerSpec,
  type OptimizerStateReadout,
  type RunState,
  type RunStatus,
  type SampleUpdate,
  type TrainingSetup,
} from './optimizer';
export { pyFloat, pyFloatLiteral, pyInt, pyLiteral, pyPrint, type PyPrintable } from './pyrepr';
export { epochSeed, gaussian, mulberry32, permutation } from './random';
export { emptyTrace, epochRecord, stateAfterEpoch, traceColumn, type EpochRecord, type Trace } from './trace';
export {
  epochLines,
  lectureConfig,
  predictAfterLine,
  predictBeforeLine,
  pythonTranscript,
  runTranscriptLines,
  transcriptSetup,
  type TranscriptConfig,
} from './transcript';
export {
  firstOverflow,
  OVERFLOW_ERROR_LINE,
  scriptOutputOf,
  scriptOutputLength,
  scriptOutputLines,
  scriptOutputText,
  scriptTranscript,
  squareOverflows,
  type ScriptOutput,
  type PythonOverflow,
} from './overflow';
export {
  errorsFor,
  LECTURE_SETTINGS,
  LIMITS,
  validateSettings,
  type SettingField,
  type Settings,
  type ValidationBounds,
  type ValidationCode,
  type ValidationError,
} from './validate';
export {
  batchHessian,
  costCurvature,
  eigenvalues,
  epochContraction,
  epochMap,
  gdOneStepRate,
  gdStabilityLimit,
  multiply,
  spectralRadius,
  stabilityLimit,
  type EpochMap,
  type Eigenvalues,
  type Mat2,
} from './stability';
export {
  formatRegimeFactor,
  learningRateRegime,
  regimeOfFactor,
  REGIME_TOLERANCE,
  type LearningRateRegime,
  type RegimeKind,
} from './regime';
export { downsampleMinMax, extendMinMax, minMaxExtent, minMaxPicks, type MinMaxSummary } from './downsample';
export { optimum } from './fit';
export { normalizeWidth, parseNumber, parseNumberList, type ListParse, type ParseResult } from './parse';
export {
  costSlice,
  costSlope,
  pickSamples,
  sampleCurve,
  sampleLossSlice,
  sliceOptimum,
  tangentSegment,
  type CurvePoint,
} from './landscape';
export * from './pythonScript';
export * from './urlState';
export * from './formula';
export * from './csv';
export { PRESET_IDS, presetData, type PresetId } from './presets';
export * from './contour';
export * from './dataEdit';
export * from './optimizers';
// The update rules beyond θ ← θ − α·g, and the code that reproduces any run (issue #16).
export * from './optimizers/momentum';
export * from './optimizers/nesterov';
export * from './optimizers/rmsprop';
export * from './optimizers/adagrad';
export * from './optimizers/adam';
export * from './optimizers/output';
export * from './optimizers/python';
