-- CreateEnum
CREATE TYPE "GrantRequestStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "oidcIssuer" TEXT,
ADD COLUMN     "oidcLinkUntil" TIMESTAMP(3),
ADD COLUMN     "oidcSubject" TEXT;

-- CreateTable
CREATE TABLE "GrantRequest" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "divisionIds" UUID[],
    "status" "GrantRequestStatus" NOT NULL DEFAULT 'PENDING',
    "requestedById" UUID NOT NULL,
    "decidedById" UUID,
    "decidedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GrantRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PasswordToken" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "GrantRequest_userId_status_idx" ON "GrantRequest"("userId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "PasswordToken_tokenHash_key" ON "PasswordToken"("tokenHash");

-- CreateIndex
CREATE INDEX "PasswordToken_userId_idx" ON "PasswordToken"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "User_oidcIssuer_oidcSubject_key" ON "User"("oidcIssuer", "oidcSubject");

-- AddForeignKey
ALTER TABLE "GrantRequest" ADD CONSTRAINT "GrantRequest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordToken" ADD CONSTRAINT "PasswordToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ───────────── Hand-written: grants, set-password links and their walls ─────────────
-- (docs/decisions/010-grants-passwords-and-sso.md)

-- At most one open grant request per account.
CREATE UNIQUE INDEX "GrantRequest_one_pending_per_user" ON "GrantRequest"("userId") WHERE status = 'PENDING';

-- varna_user_id() comes from the migration before (database walls).

-- Roles that read situation-picture content: only a coordinator grants, changes or revives them.
CREATE FUNCTION varna_is_content_role(r "Role") RETURNS boolean
  LANGUAGE sql IMMUTABLE AS $$ SELECT r IN ('COORDINATOR', 'DIVISION_HEAD', 'NETWORK_MEMBER') $$;

-- Users. Everyone in the app may read accounts (names of owners, authors); writing is the
-- coordinator's, and the IT administrator's for ADMIN and OBSERVER accounts only — for a
-- content-role account the administrator may only create it inactive (a grant request) or
-- deactivate it. Sign-in, sessions and set-password links run as the owner, outside these.
ALTER TABLE "User" ENABLE ROW LEVEL SECURITY;
CREATE POLICY user_read ON "User" FOR SELECT TO varna_app USING (varna_role() IS NOT NULL);
CREATE POLICY user_insert ON "User" FOR INSERT TO varna_app WITH CHECK (
  varna_role() = 'COORDINATOR'
  OR (varna_role() = 'ADMIN' AND (NOT varna_is_content_role(role) OR NOT active)));
CREATE POLICY user_update ON "User" FOR UPDATE TO varna_app
  USING (varna_role() = 'COORDINATOR' OR (varna_role() = 'ADMIN' AND role <> 'COORDINATOR'))
  WITH CHECK (
    varna_role() = 'COORDINATOR'
    OR (varna_role() = 'ADMIN' AND (NOT varna_is_content_role(role) OR NOT active)));
-- Everyone may change their own row, but only its interface language (user_guard checks).
CREATE POLICY user_update_own_locale ON "User" FOR UPDATE TO varna_app
  USING (id = varna_user_id()) WITH CHECK (id = varna_user_id());
-- No DELETE policy: accounts are deactivated, never deleted, by the app.

-- What a policy cannot see (the row before the change): a non-coordinator never moves an
-- account into or out of a content role, nor reactivates one.
CREATE FUNCTION varna_user_guard() RETURNS trigger
  LANGUAGE plpgsql AS $$
  BEGIN
    -- Not an account administrator: only one's own interface language (user_update_own_locale).
    IF current_user = 'varna_app' AND coalesce(varna_role(), '') NOT IN ('COORDINATOR', 'ADMIN')
       AND (to_jsonb(NEW) - 'locale' - 'updatedAt') IS DISTINCT FROM (to_jsonb(OLD) - 'locale' - 'updatedAt') THEN
      RAISE EXCEPTION 'only the interface language of one''s own account may change here' USING ERRCODE = '42501';
    END IF;
    IF current_user = 'varna_app' AND coalesce(varna_role(), '') <> 'COORDINATOR' THEN
      IF NEW.role IS DISTINCT FROM OLD.role AND (varna_is_content_role(OLD.role) OR varna_is_content_role(NEW.role)) THEN
        RAISE EXCEPTION 'only a coordinator grants or removes a content role' USING ERRCODE = '42501';
      END IF;
      IF NEW.active AND NOT OLD.active AND varna_is_content_role(NEW.role) THEN
        RAISE EXCEPTION 'only a coordinator reactivates a content-role account' USING ERRCODE = '42501';
      END IF;
    END IF;
    RETURN NEW;
  END
  $$;
CREATE TRIGGER user_guard BEFORE UPDATE ON "User" FOR EACH ROW EXECUTE FUNCTION varna_user_guard();

-- Division memberships: read by anyone in the app; changed by a coordinator only.
ALTER TABLE "DivisionMembership" ENABLE ROW LEVEL SECURITY;
CREATE POLICY membership_read ON "DivisionMembership" FOR SELECT TO varna_app USING (varna_role() IS NOT NULL);
CREATE POLICY membership_insert ON "DivisionMembership" FOR INSERT TO varna_app WITH CHECK (varna_role() = 'COORDINATOR');
CREATE POLICY membership_update ON "DivisionMembership" FOR UPDATE TO varna_app
  USING (varna_role() = 'COORDINATOR') WITH CHECK (varna_role() = 'COORDINATOR');
CREATE POLICY membership_delete ON "DivisionMembership" FOR DELETE TO varna_app USING (varna_role() = 'COORDINATOR');

-- Grant requests: an administrator or coordinator files one in their own name; only a
-- coordinator decides. Nobody deletes one (they are the record of who asked).
ALTER TABLE "GrantRequest" ENABLE ROW LEVEL SECURITY;
CREATE POLICY grant_request_read ON "GrantRequest" FOR SELECT TO varna_app USING (varna_role() IN ('COORDINATOR', 'ADMIN'));
CREATE POLICY grant_request_insert ON "GrantRequest" FOR INSERT TO varna_app WITH CHECK (
  varna_role() IN ('COORDINATOR', 'ADMIN') AND status = 'PENDING' AND "requestedById" = varna_user_id()
  AND "decidedById" IS NULL);
CREATE POLICY grant_request_decide ON "GrantRequest" FOR UPDATE TO varna_app
  USING (varna_role() = 'COORDINATOR') WITH CHECK (varna_role() = 'COORDINATOR' AND "decidedById" = varna_user_id());
REVOKE DELETE, TRUNCATE ON "GrantRequest" FROM varna_app;

-- Set-password links: a coordinator issues them for anyone, an administrator only for ADMIN
-- and OBSERVER accounts. Redeeming a link has no viewer and runs as the owner.
ALTER TABLE "PasswordToken" ENABLE ROW LEVEL SECURITY;
CREATE FUNCTION varna_may_issue_password_link(target uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT coalesce(
      varna_role() = 'COORDINATOR'
      OR (varna_role() = 'ADMIN' AND EXISTS (SELECT 1 FROM "User" u WHERE u.id = target AND NOT varna_is_content_role(u.role))),
      false)
  $$;
CREATE POLICY password_token_read ON "PasswordToken" FOR SELECT TO varna_app USING (varna_may_issue_password_link("userId"));
CREATE POLICY password_token_insert ON "PasswordToken" FOR INSERT TO varna_app
  WITH CHECK (varna_may_issue_password_link("userId") AND "createdById" = varna_user_id() AND "usedAt" IS NULL);
CREATE POLICY password_token_update ON "PasswordToken" FOR UPDATE TO varna_app
  USING (varna_may_issue_password_link("userId")) WITH CHECK (varna_may_issue_password_link("userId"));
REVOKE DELETE, TRUNCATE ON "PasswordToken" FROM varna_app;
