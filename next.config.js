// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native or WebAssembly packages that must be loaded by Node, not bundled.
  serverExternalPackages: ["@node-rs/argon2", "@electric-sql/pglite", "pg"],
  experimental: {
    // `forbidden()` answers 403 for pages a role may not see.
    authInterrupts: true,
  },
};

module.exports = withNextIntl(nextConfig);
