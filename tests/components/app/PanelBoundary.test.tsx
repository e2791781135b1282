import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PanelBoundary } from '../../../src/components/app/PanelBoundary';
import { useLocaleStore } from '../../../src/i18n';

let failuresLeft = 0;
function Fragile() {
  if (failuresLeft > 0) {
    failuresLeft--;
    throw new Error('boom');
  }
  return <p>fragile panel works</p>;
}

beforeEach(() => {
  useLocaleStore.setState({ locale: 'en' });
  // React reports caught render errors on the console; the boundary's job is what the person sees.
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

describe('PanelBoundary', () => {
  it('keeps a failing panel to itself: a message and a reset, while its neighbour renders', () => {
    failuresLeft = 10;
    render(
      <>
        <PanelBoundary name="Loss chart">
          <Fragile />
        </PanelBoundary>
        <PanelBoundary name="Settings">
          <p>settings panel works</p>
        </PanelBoundary>
      </>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The Loss chart panel ran into a problem and stopped. The rest of Downhill keeps working.',
    );
    expect(screen.getByText('settings panel works')).toBeInTheDocument();
    expect(screen.queryByText('fragile panel works')).not.toBeInTheDocument();
  });

  it('"Reset this panel" mounts the panel afresh', async () => {
    failuresLeft = 2; // React retries a failed render once before giving up.
    render(
      <PanelBoundary name="Loss chart">
        <Fragile />
      </PanelBoundary>,
    );
    expect(screen.getByRole('alert')).toBeInTheDocument();
    failuresLeft = 0;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Reset this panel' }));
    expect(screen.getByText('fragile panel works')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('speaks Chinese when the app does', () => {
    useLocaleStore.setState({ locale: 'zh-CN' });
    failuresLeft = 10;
    render(
      <PanelBoundary name="设置">
        <Fragile />
      </PanelBoundary>,
    );
    expect(screen.getByRole('button', { name: '重置此面板' })).toBeInTheDocument();
  });
});
