import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { focusModality } from '../../hooks/focusModality';
import './tabs.css';

export interface Tab {
  readonly id: string;
  readonly label: string;
  readonly render: () => ReactNode;
}

/**
 * WAI-ARIA tabs: arrow keys move between tabs, Home/End jump, only the chosen panel is rendered
 * (a hidden transcript or chart costs nothing while the animation runs). `onSelect` hears of each
 * tab chosen, for a container whose own layout depends on it.
 */
export function Tabs({
  tabs,
  label,
  onSelect,
}: {
  tabs: readonly Tab[];
  label: string;
  onSelect?: (id: string) => void;
}) {
  const baseId = useId();
  const [selected, setSelectedState] = useState(tabs[0]?.id ?? '');
  const setSelected = (id: string) => {
    setSelectedState(id);
    onSelect?.(id);
  };
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const index = Math.max(
    0,
    tabs.findIndex((tab) => tab.id === selected),
  );
  const current = tabs[index];

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: tabs.length - 1,
    };
    const wanted = moves[event.key];
    // A tab clicked with the mouse keeps no keys: the arrows go on to the page's shortcuts.
    if (wanted === undefined || focusModality() === 'pointer') return;
    event.preventDefault();
    event.stopPropagation();
    const next = tabs[(wanted + tabs.length) % tabs.length];
    if (!next) return;
    setSelected(next.id);
    buttons.current.get(next.id)?.focus();
  };

  return (
    <div className="tabs" data-view={current?.id}>
      <div role="tablist" aria-label={label} className="tab-list" onKeyDown={onKeyDown}>
        {tabs.map((tab) => {
          const active = tab.id === current?.id;
          return (
            <button
              key={tab.id}
              ref={(node) => {
                if (node) buttons.current.set(tab.id, node);
                else buttons.current.delete(tab.id);
              }}
              type="button"
              role="tab"
              id={`${baseId}-tab-${tab.id}`}
              aria-selected={active}
              aria-controls={`${baseId}-panel-${tab.id}`}
              tabIndex={active ? 0 : -1}
              className="tab"
              onClick={() => setSelected(tab.id)}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      {current && (
        <div
          role="tabpanel"
          id={`${baseId}-panel-${current.id}`}
          aria-labelledby={`${baseId}-tab-${current.id}`}
          className="tab-panel"
          tabIndex={0}
        >
          {current.render()}
        </div>
      )}
    </div>
  );
}
