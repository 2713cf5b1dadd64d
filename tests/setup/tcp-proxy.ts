// A TCP proxy between the app's pool and the test database, to play a database outage:
// `stop()` closes the listener and cuts every connection (a stopped server: connections
// refused), `freeze()` keeps connections open but passes nothing (a host that stopped
// answering), `start()` brings it back on the same port.
import net from "node:net";

export type TcpProxy = { url: string; start(): Promise<void>; stop(): Promise<void>; freeze(): void; close(): Promise<void> };

export async function tcpProxy(targetUrl: string): Promise<TcpProxy> {
  const target = new URL(targetUrl);
  const targetPort = Number(target.port || 5432);
  const targetHost = target.hostname === "localhost" ? "127.0.0.1" : target.hostname;
  const sockets = new Set<net.Socket>();
  let frozen = false;
  let server: net.Server | undefined;
  let port = 0;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = net.createServer((client) => {
        const upstream = net.connect(targetPort, targetHost);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on("close", () => sockets.delete(s));
          s.on("error", () => s.destroy());
        }
        client.on("data", (d) => { if (!frozen) upstream.write(d); });
        upstream.on("data", (d) => { if (!frozen) client.write(d); });
        client.on("close", () => upstream.destroy());
        upstream.on("close", () => client.destroy());
      });
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });

  await listen();
  const url = new URL(targetUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);

  const stop = async () => {
    const closing = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    for (const s of sockets) s.destroy();
    sockets.clear();
    server = undefined;
    await closing;
  };

  return {
    url: url.toString(),
    start: async () => {
      frozen = false;
      if (!server) await listen();
    },
    stop,
    freeze: () => {
      frozen = true;
    },
    close: stop,
  };
}
