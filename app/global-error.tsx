"use client";

// Replaces the root layout when it fails, so no provider (and no translation context) is
// available: the Swedish catalog is read directly. Shows no error details, only the digest
// IT can find in the server log.
import sv from "@/lib/i18n/messages/sv/app.json";
import "./globals.css";

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = sv.errors;
  return (
    <html lang="sv">
      <body className="min-h-screen font-sans">
        <main id="main" className="mx-auto max-w-xl p-10">
          <h1 className="text-2xl font-semibold">{t.genericTitle}</h1>
          <p className="mt-2 text-slate-700">{t.genericText}</p>
          {error.digest ? <p className="mt-2 font-mono text-xs text-slate-500">{error.digest}</p> : null}
          <button type="button" onClick={reset} className="mt-4 rounded-md bg-brand-700 px-4 py-2 text-white">
            {t.retry}
          </button>
        </main>
      </body>
    </html>
  );
}
