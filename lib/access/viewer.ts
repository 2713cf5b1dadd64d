// Who is calling, as every use case of the access layer takes it first. A leaf module (types
// only, no imports but the role type), so the audit trail and sign-in can both name it
// without importing each other. `getViewer()` in lib/server/auth/viewer.ts produces it.
import type { Role } from "./permissions";

export type Viewer = {
  id: string;
  name: string;
  email: string;
  role: Role;
  /** The divisions the viewer belongs to; `own` scopes filter by exactly these. */
  divisionIds: string[];
};
