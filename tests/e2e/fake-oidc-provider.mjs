// A minimal OpenID Connect provider for the browser tests, standing in for the
// municipality's (e.g. Entra ID): discovery, a sign-in page that asks only for an e-mail,
// the code flow with RS256-signed ID tokens, and JWKS. Never for anything but tests.
import { createServer } from "node:http";
import { createHash, generateKeyPairSync, randomBytes, sign } from "node:crypto";

const port = Number(process.env.OIDC_FAKE_PORT ?? 3237);
const issuer = `http://127.0.0.1:${port}`;
const clientId = process.env.OIDC_CLIENT_ID ?? "varna-e2e";
const clientSecret = process.env.OIDC_CLIENT_SECRET ?? "e2e-hemlighet";
const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const kid = "e2e-key";
const codes = new Map();

const b64url = (value) => Buffer.from(value).toString("base64url");
function idToken(claims) {
  const header = b64url(JSON.stringify({ alg: "RS256", typ: "JWT", kid }));
  const payload = b64url(JSON.stringify(claims));
  const signature = sign("sha256", Buffer.from(`${header}.${payload}`), privateKey).toString("base64url");
  return `${header}.${payload}.${signature}`;
}

async function body(req) {
  let data = "";
  for await (const chunk of req) data += chunk;
  return new URLSearchParams(data);
}

function send(res, status, payload, headers = {}) {
  const text = typeof payload === "string" ? payload : JSON.stringify(payload);
  res.writeHead(status, { "Content-Type": typeof payload === "string" ? "text/html; charset=utf-8" : "application/json", ...headers });
  res.end(text);
}

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

createServer(async (req, res) => {
  const url = new URL(req.url, issuer);
  if (url.pathname === "/.well-known/openid-configuration") {
    return send(res, 200, {
      issuer,
      authorization_endpoint: `${issuer}/authorize`,
      token_endpoint: `${issuer}/token`,
      jwks_uri: `${issuer}/jwks`,
      response_types_supported: ["code"],
      subject_types_supported: ["public"],
      id_token_signing_alg_values_supported: ["RS256"],
      token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
      code_challenge_methods_supported: ["S256"],
    });
  }
  if (url.pathname === "/jwks") return send(res, 200, { keys: [{ ...publicKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" }] });
  if (url.pathname === "/authorize" && req.method === "GET") {
    const hidden = ["redirect_uri", "state", "nonce", "code_challenge", "client_id"]
      .map((k) => `<input type="hidden" name="${k}" value="${escape(url.searchParams.get(k) ?? "")}">`)
      .join("");
    return send(res, 200, `<!doctype html><html lang="sv"><title>Test-IdP</title><form method="post" action="/authorize">${hidden}
      <label>E-post hos identitetsleverantören <input name="email" type="email"></label><button>Fortsätt</button></form></html>`);
  }
  if (url.pathname === "/authorize" && req.method === "POST") {
    const form = await body(req);
    if (form.get("client_id") !== clientId) return send(res, 400, { error: "unauthorized_client" });
    const code = randomBytes(16).toString("hex");
    codes.set(code, { email: form.get("email"), nonce: form.get("nonce"), challenge: form.get("code_challenge"), redirect: form.get("redirect_uri") });
    const back = new URL(form.get("redirect_uri"));
    back.searchParams.set("code", code);
    back.searchParams.set("state", form.get("state") ?? "");
    res.writeHead(302, { Location: back.toString() });
    return res.end();
  }
  if (url.pathname === "/token" && req.method === "POST") {
    const form = await body(req);
    const basic = req.headers.authorization?.startsWith("Basic ")
      ? Buffer.from(req.headers.authorization.slice(6), "base64").toString().split(":").map(decodeURIComponent)
      : [form.get("client_id"), form.get("client_secret")];
    if (basic[0] !== clientId || basic[1] !== clientSecret) return send(res, 401, { error: "invalid_client" });
    const grant = codes.get(form.get("code"));
    codes.delete(form.get("code"));
    if (!grant) return send(res, 400, { error: "invalid_grant" });
    const verifier = form.get("code_verifier") ?? "";
    if (grant.challenge && createHash("sha256").update(verifier).digest("base64url") !== grant.challenge) {
      return send(res, 400, { error: "invalid_grant", error_description: "PKCE" });
    }
    const now = Math.floor(Date.now() / 1000);
    const token = idToken({
      iss: issuer, aud: clientId, sub: `sub-${grant.email}`, iat: now, exp: now + 300, nonce: grant.nonce,
      email: grant.email, email_verified: true, name: "Namn från leverantören",
    });
    return send(res, 200, { access_token: randomBytes(16).toString("hex"), token_type: "Bearer", expires_in: 300, id_token: token });
  }
  send(res, 404, { error: "not_found" });
}).listen(port, "127.0.0.1", () => console.log(`fake OIDC provider on ${issuer}`));
