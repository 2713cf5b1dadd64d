import { defineConfig } from "prisma/config";

// Migrations are made and applied by scripts/db (Prisma's WebAssembly schema engine), so
// this file serves `prisma generate` and, where the native engine exists, `prisma migrate`.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/varna" },
});
