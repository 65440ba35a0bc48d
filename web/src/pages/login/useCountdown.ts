import { useCallback, useEffect, useState } from 'react';

/** Seconds left of a countdown, and a function to start one (used after a 429 on login). */
export function useCountdown(): [number, (seconds: number) => void] {
  const [left, setLeft] = useState(0);

  useEffect(() => {
    if (left <= 0) return;
    const timer = setTimeout(() => setLeft((s) => Math.max(0, s - 1)), 1000);
    return () => clearTimeout(timer);
  }, [left]);

  const start = useCallback((seconds: number) => setLeft(Math.ceil(seconds)), []);
  return [left, start];
}
