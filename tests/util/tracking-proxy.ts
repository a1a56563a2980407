/**
 * A loopback HTTP proxy stand-in that records every request and CONNECT it receives: a browser
 * pointed at it shows what it sends by itself (not only what a page sends), seen rather than dropped.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface TrackingProxy {
  port: number;
  /** "GET http://…", "CONNECT host:443", in the order received. */
  seen: string[];
  close(): Promise<void>;
}

export async function trackingProxy(): Promise<TrackingProxy> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    req.resume();
    res.end("tracked");
  });
  server.on("connect", (req, socket) => {
    seen.push(`CONNECT ${req.url}`);
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
