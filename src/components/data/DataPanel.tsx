/** The data: presets, a plot with the fitted lines whose points can be dragged, and a table editor. */
import { useId, useMemo, useState } from 'react';
import {
  matchingPreset,
  nextSeed,
  NOISY_PRESETS,
  PRESET_IDS,
  presetData,
  sameData,
  type PresetId,
} from '../../core';
import { useT } from '../../i18n';
import { useHeldWhileHidden } from '../../hooks/useHeldWhileHidden';
import { PlaygroundProvider, usePlaygroundSelector } from '../../store/context';
import { selectActions, selectModel, selectSeed, selectXs, selectYs } from '../../store/selectors';
import { DataEditor } from './DataEditor';
import { DataPlot } from './DataPlot';
import './data.css';

/**
 * The panel reads the store through a view held while it is out of sight and the runs play fast
 * (useHeldWhileHidden): below the fold, its fitted lines and legend do not follow them frame by frame.
 */
export function DataPanel() {
  const t = useT();
  const [section, setSection] = useState<HTMLElement | null>(null);
  const view = useHeldWhileHidden(section);
  return (
    <section ref={setSection} className="panel data-panel" aria-label={t('data.panel')}>
      <PlaygroundProvider store={view}>
        <div className="data-header">
          <h2 className="panel-title">{t('data.panel')}</h2>
          <p className="hint">{t('data.subtitle')}</p>
        </div>
        <PresetPicker />
        <div className="data-body">
          <div className="data-columns">
            <DataPlot />
            <DataEditor />
          </div>
        </div>
      </PlaygroundProvider>
    </section>
  );
}

type Shown = PresetId | 'custom';

/**
 * The preset select and "New noise". The select shows the preset the data are (at the seed they were
 * drawn with, or the current seed), and "Your own data" once they have been edited.
 */
function PresetPicker() {
  const t = useT();
  const actions = usePlaygroundSelector(selectActions);
  const xs = usePlaygroundSelector(selectXs);
  const ys = usePlaygroundSelector(selectYs);
  const seed = usePlaygroundSelector(selectSeed);
  const model = usePlaygroundSelector(selectModel);
  const id = useId();
  // The preset chosen here and its seed: the seed may change later (shuffling) without new data.
  const [chosen, setChosen] = useState<{ id: PresetId; seed: number } | null>(null);

  const { shown, shownSeed } = useMemo((): { shown: Shown; shownSeed: number } => {
    const data = { xs, ys };
    if (chosen && sameData(presetData(chosen.id, chosen.seed), data)) {
      return { shown: chosen.id, shownSeed: chosen.seed };
    }
    return { shown: matchingPreset(data, seed) ?? 'custom', shownSeed: seed };
  }, [chosen, xs, ys, seed]);
  const noisy = shown !== 'custom' && NOISY_PRESETS.includes(shown);

  const choose = (preset: PresetId, presetSeed: number) => {
    const data = presetData(preset, presetSeed);
    const patch = presetSeed === seed ? data : { ...data, seed: presetSeed };
    if (actions.updateSettings(patch)) setChosen({ id: preset, seed: presetSeed });
  };

  const hint = shown === 'offset' ? t(model === 'w' ? 'data.hint.offset' : 'data.hint.offsetWb') : null;

  return (
    <div className="data-presets">
      <div className="data-preset-row">
        <label htmlFor={id} className="field-label">
          {t('data.preset')}
        </label>
        <select
          id={id}
          value={shown}
          onChange={(event) => {
            const value = event.currentTarget.value;
            const preset = PRESET_IDS.find((option) => option === value);
            if (preset) choose(preset, seed);
          }}
        >
          {PRESET_IDS.map((preset) => (
            <option key={preset} value={preset}>
              {t(`data.preset.${preset}`)}
            </option>
          ))}
          {shown === 'custom' ? (
            <option value="custom" disabled>
              {t('data.preset.custom')}
            </option>
          ) : null}
        </select>
        <button
          type="button"
          className="button button-small"
          disabled={!noisy}
          onClick={() => {
            if (shown !== 'custom') choose(shown, nextSeed(seed));
          }}
        >
          {t('data.newNoise')}
        </button>
        {noisy ? <span className="hint mono">{t('data.seed', { seed: shownSeed })}</span> : null}
      </div>
      <p className="hint data-about">{t(`data.about.${shown}`)}</p>
      {hint ? (
        <p className={`data-hint${model === 'w' ? ' data-hint-warn' : ''}`} role="note">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
