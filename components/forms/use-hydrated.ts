"use client";

import { useSyncExternalStore } from "react";

const never = () => () => {};

/**
 * False in the server's HTML and during hydration, true once React has taken the page over.
 * A control whose handler is React's does nothing before that: forms and buttons wait for it
 * (disabled) rather than swallow a click or a value typed too early.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(never, () => true, () => false);
}
