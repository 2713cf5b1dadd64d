// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native or WebAssembly packages that must be loaded by Node, not bundled.
  serverExternalPackages: ["@node-rs/argon2", "@electric-sql/pglite", "pg", "exceljs"],
  experimental: {
    // `forbidden()` answers 403 for pages a role may not see.
    authInterrupts: true,
    // Next's data cache (the public page's published version) lives in memory only. On disk
    // in .next/cache it outlived the database: after a restore or a fresh embedded database
    // the public page showed content the database no longer had. Värna runs one server.
    isrFlushToDisk: false,
  },
};

module.exports = withNextIntl(nextConfig);
