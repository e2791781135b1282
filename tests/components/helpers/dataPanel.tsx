/** The data panel rendered on its own, and its parts by role and name: shared by the data panel's tests. */
import { screen } from '@testing-library/react';
import { DataPanel } from '../../../src/components/data/DataPanel';
import { createPlaygroundStore, type PlaygroundStore } from '../../../src/store/playground';
import { renderWithStore } from './render';

export function renderDataPanel(store: PlaygroundStore = createPlaygroundStore()) {
  return renderWithStore(<DataPanel />, store);
}

/** The data set the runs train on, as plain arrays. */
export const data = (store: PlaygroundStore) => {
  const { xs, ys } = store.getState().settings;
  return { xs: [...xs], ys: [...ys] };
};
export const xCell = (n: number) => screen.getByRole('textbox', { name: `x of point ${n}` });
export const yCell = (n: number) => screen.getByRole('textbox', { name: `y of point ${n}` });
export const point = (n: number) => screen.getByRole('button', { name: new RegExp(`^Point ${n}: `) });
export const rowCount = () => screen.getAllByRole('textbox', { name: /^x of point \d+$/ }).length;
export const pasteBox = () => screen.getByRole('textbox', { name: 'Paste data' });
/** The fitted line of a run in the plot. */
export const lineOf = (container: HTMLElement, run: string) =>
  container.querySelector<SVGLineElement>(`line.data-fit[data-run="${run}"]`);
