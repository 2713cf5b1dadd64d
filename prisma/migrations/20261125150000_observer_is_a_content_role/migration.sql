-- An observer reads the finished situation reports, which are situation-picture content. So the
-- observer role is a content role like the coordinator's, the division head's and the network
-- member's: only a coordinator grants it, changes it or revives such an account, and only a
-- coordinator issues its set-password links. An IT administrator asking for an observer account
-- files a grant request (user_insert: the account is created inactive), exactly as for the other
-- content roles — otherwise the administrator could make an observer account for themself and
-- read the reports (decision 010, separation of duties). The policies and the user guard call
-- this function, so redefining it is the whole change.
CREATE OR REPLACE FUNCTION varna_is_content_role(r "Role") RETURNS boolean
  LANGUAGE sql IMMUTABLE AS $$ SELECT r IN ('COORDINATOR', 'DIVISION_HEAD', 'NETWORK_MEMBER', 'OBSERVER') $$;
