// The bench's ceiling: a bare node:http server answering every request with one file's bytes
// (the public page as the app serves it). Usage: node raw-server.mjs <file> <port>
import http from "node:http";
import { readFileSync } from "node:fs";

const [file, port] = process.argv.slice(2);
const body = readFileSync(file);
http
  .createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": body.length });
    res.end(body);
  })
  .listen(Number(port), "127.0.0.1");
process.on("SIGTERM", () => process.exit(0));
