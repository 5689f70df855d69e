/**
 * A TCP relay in front of a server (PostgreSQL, Redis, or Trame itself for a
 * browser) that a test can cut and restore, to play an outage, or stall and
 * resume, to play a network that goes silent without closing anything (wifi
 * lost, laptop lid): what is sent meanwhile waits in the relay and arrives on resume.
 */
import net from 'node:net';

export interface TcpProxy {
  /** A URL like `target` but through the proxy. */
  url: string;
  /** Drops every connection and refuses new ones. */
  cut(): Promise<void>;
  restore(): Promise<void>;
  /** Holds every byte in both directions, connections left open. */
  stall(): void;
  /** Delivers what was held, then relays again. */
  resume(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetUrl: string): Promise<TcpProxy> {
  const target = new URL(targetUrl);
  const sockets = new Set<net.Socket>();
  let stalled = false;
  const held: Array<{ to: net.Socket; chunk: Buffer }> = [];
  const relay = (from: net.Socket, to: net.Socket) =>
    from.on('data', (chunk: Buffer) => {
      if (stalled) held.push({ to, chunk });
      else to.write(chunk);
    });
  const pipe = (client: net.Socket) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => s.destroy());
    }
    relay(client, upstream);
    relay(upstream, client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  };
  let server = net.createServer(pipe);
  const listen = (port: number) =>
    new Promise<number>((resolve) => server.listen(port, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)));
  const port = await listen(0);
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      held.length = 0;
      if (!server.listening) return resolve();
      server.close(() => resolve());
    });
  const url = new URL(targetUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    cut: stop,
    async restore() {
      if (server.listening) return;
      server = net.createServer(pipe);
      await listen(port);
    },
    stall() {
      stalled = true;
    },
    resume() {
      stalled = false;
      for (const { to, chunk } of held.splice(0)) if (!to.destroyed) to.write(chunk);
    },
    close: stop,
  };
}
