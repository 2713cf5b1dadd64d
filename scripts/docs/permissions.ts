import { writeFileSync } from "node:fs";
import path from "node:path";
import { renderPermissionsDoc } from "@/lib/access/permissions-doc";

const file = path.resolve(import.meta.dirname, "../../docs/permissions.md");
writeFileSync(file, renderPermissionsDoc());
console.log(`Skrev ${path.relative(process.cwd(), file)}`);
