/**
 * A forward proxy on 127.0.0.1 for tests: it tunnels CONNECT requests and
 * forwards absolute-form requests, always to the given loopback port, and
 * records the host each request asked for.
 */
import { createServer, request, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';

export class LoopbackProxy {
  /** `host:port` as each client asked for it. */
  readonly asked: string[] = [];
  private server?: Server;
  url = '';

  constructor(private readonly targetPort: number) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const target = new URL(req.url ?? '/');
      this.asked.push(target.host);
      const upstream = request(
        {
          host: '127.0.0.1',
          port: this.targetPort,
          method: req.method,
          path: target.pathname + target.search,
          headers: req.headers,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.writeHead(502).end());
      req.pipe(upstream);
    });
    this.server.on('connect', (req, socket, head) => {
      this.asked.push(req.url ?? '');
      const upstream = connect(this.targetPort, '127.0.0.1', () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(socket);
        socket.pipe(upstream);
      });
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
