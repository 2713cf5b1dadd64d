"use client";

import { useEffect } from "react";

/**
 * Marks the document once the signed-in app is hydrated (`<html data-hydrated>`). Until then
 * globals.css lets no pointer reach the app's buttons, so a click made while the page is still
 * loading waits (the browser's pointer passes through) instead of vanishing into a button whose
 * handler is not attached yet. With scripting off the rule does not apply at all.
 */
export function HydrationMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "";
  }, []);
  return null;
}
