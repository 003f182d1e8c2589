import { useEffect, useRef } from "react";

/** Calls `onSettle(value)` once `value` has stopped changing for `delay` ms (typing, not every keystroke). */
export function useSettledValue<T>(value: T, delay: number, onSettle: (value: T) => void) {
  const latest = useRef(onSettle);
  latest.current = onSettle;
  useEffect(() => {
    const timer = setTimeout(() => latest.current(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
}
