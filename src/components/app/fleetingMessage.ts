import { useEffect, useRef, useState } from 'react';

/** How long a confirmation stays. */
const MESSAGE_MS = 4000;

/** A confirmation ("Copied …", "Saved …") that clears itself a few seconds after it was last shown. */
export function useFleetingMessage(): [string, (message: string) => void] {
  const [message, setMessage] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const show = (text: string) => {
    setMessage(text);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setMessage(''), MESSAGE_MS);
  };
  return [message, show];
}
