import type { Duplex } from 'node:stream';
import type { MessagePort } from 'node:worker_threads';

export declare class PortSocket extends Duplex {
  readonly id: number;
  remoteAddress: string;
  remotePort: number;
  localAddress: string;
  localPort: number;
}

export declare class PortConnections {
  constructor(
    port: MessagePort,
    options?: { onConnection?: (socket: PortSocket) => void; localPort?: number; remotePort?: number },
  );
  connect(): PortSocket;
  close(): void;
}
