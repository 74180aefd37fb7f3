'use strict';
/**
 * In-memory "TCP connections" between a function worker and the main thread over one MessagePort.
 * The worker's unmodified http client writes real HTTP into a PortSocket and the main thread hands the
 * other end to the local cloud's real http.Server (`server.emit('connection', socket)`), so requests
 * and replies are byte for byte what loopback TCP would carry, without the kernel round trip.
 * Plain CommonJS: the worker (worker.cjs) requires it untransformed.
 *
 * Many connections share the port. Messages: { id, open?: true, data?: Uint8Array, end?: true, close?: true }.
 * Only raw bytes cross the thread boundary, never parsed bodies (structured clone of a deeply nested
 * object would overflow the stack).
 */
const { Duplex } = require('node:stream');

const LOOPBACK = { address: '127.0.0.1', family: 'IPv4' };

class PortSocket extends Duplex {
  /** @param {PortConnections} owner @param {number} id @param {boolean} opened whether the peer knows the id */
  constructor(owner, id, opened) {
    super({ allowHalfOpen: true });
    this.owner = owner;
    this.id = id;
    this.opened = opened;
    this.closedByPeer = false;
    this.connecting = false;
    this.timeout = 0;
    this.idleTimer = undefined;
    this.pending = undefined;
    this.remoteAddress = LOOPBACK.address;
    this.remoteFamily = LOOPBACK.family;
    this.remotePort = owner.remotePort;
    this.localAddress = LOOPBACK.address;
    this.localPort = owner.localPort;
  }

  _read() {}

  _write(chunk, encoding, callback) {
    this.send([chunk]);
    callback();
  }

  _writev(chunks, callback) {
    this.send(chunks.map((entry) => entry.chunk));
    callback();
  }

  _final(callback) {
    if (!this.closedByPeer) this.queue({ end: true });
    callback();
  }

  _destroy(error, callback) {
    clearTimeout(this.idleTimer);
    this.owner.sockets.delete(this.id);
    if (this.opened && !this.closedByPeer) this.queue({ close: true });
    callback(error);
  }

  /** Like net.Socket's: end the writable side, then close once it is flushed. */
  destroySoon() {
    if (this.writable) this.end();
    if (this.writableFinished) this.destroy();
    else this.once('finish', () => this.destroy());
  }

  /** Bytes to the peer: a fresh buffer per batch, transferred rather than copied again. */
  send(chunks) {
    this.touch();
    if (this.closedByPeer) return;
    let size = 0;
    for (const chunk of chunks) size += chunk.byteLength;
    const bytes = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    this.queue({ data: bytes });
  }

  /**
   * What one tick sends (the reply's bytes, its end, the close that follows) goes out as one message:
   * a message between threads costs far more than its bytes.
   */
  queue(part) {
    if (!this.pending) {
      this.pending = { id: this.id };
      if (!this.opened) {
        this.pending.open = true;
        this.opened = true;
      }
      process.nextTick(() => this.flush());
    }
    const pending = this.pending;
    if (part.data) {
      if (pending.data || pending.end || pending.close) {
        // keep the order: what is queued goes first
        this.flush();
        this.queue(part);
        return;
      }
      pending.data = part.data;
    }
    if (part.end) pending.end = true;
    if (part.close) pending.close = true;
  }

  flush() {
    const message = this.pending;
    if (!message) return;
    this.pending = undefined;
    if (this.owner.closed) return;
    this.owner.port.postMessage(message, message.data ? [message.data.buffer] : undefined);
  }

  receive(message) {
    this.touch();
    if (message.data) this.push(Buffer.from(message.data.buffer, message.data.byteOffset, message.data.byteLength));
    if (message.end) this.push(null);
    if (message.close) {
      this.closedByPeer = true;
      // a close after a clean end (FIN, then close): let the reader take what was sent first
      if (message.end && !this.readableEnded && !this.destroyed) this.once('end', () => this.destroy());
      else this.destroy();
    }
  }

  // --- the parts of net.Socket that http's client, server and agents use
  setTimeout(ms, callback) {
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    this.timeout = ms;
    if (callback) {
      if (ms === 0) this.removeListener('timeout', callback);
      else this.once('timeout', callback);
    }
    if (ms > 0) {
      this.idleTimer = setTimeout(() => this.emit('timeout'), ms);
      this.idleTimer.unref();
    }
    return this;
  }

  touch() {
    if (this.idleTimer) this.idleTimer.refresh();
  }

  setNoDelay() {
    return this;
  }

  setKeepAlive() {
    return this;
  }

  ref() {
    return this;
  }

  unref() {
    return this;
  }

  address() {
    return { address: this.localAddress, family: LOOPBACK.family, port: this.localPort };
  }
}

/** The connections carried by one port, from either end. */
class PortConnections {
  /**
   * @param {MessagePort} port
   * @param {{ onConnection?: (socket: PortSocket) => void, localPort?: number, remotePort?: number }} [options]
   *   onConnection: called for each connection the other end opens (the server end)
   */
  constructor(port, options = {}) {
    this.port = port;
    this.sockets = new Map();
    this.nextId = 1;
    this.onConnection = options.onConnection;
    this.localPort = options.localPort ?? 0;
    this.remotePort = options.remotePort ?? 0;
    this.closed = false;
    port.on('message', (message) => this.route(message));
    // the port alone keeps no thread alive: the worker and its pool decide that
    port.unref();
  }

  /** A new connection from this end (the client end). */
  connect() {
    const socket = new PortSocket(this, this.nextId, false);
    this.nextId += 1;
    this.sockets.set(socket.id, socket);
    // like a TCP socket: 'connect' once the caller has had a chance to listen for it
    setImmediate(() => {
      if (!socket.destroyed) {
        socket.emit('connect');
        socket.emit('ready');
      }
    });
    return socket;
  }

  route(message) {
    if (!message || typeof message.id !== 'number') return;
    let socket = this.sockets.get(message.id);
    if (!socket && message.open && this.onConnection && !this.closed) {
      socket = new PortSocket(this, message.id, true);
      this.sockets.set(message.id, socket);
      this.onConnection(socket);
    }
    if (socket) socket.receive(message);
  }

  /** Destroys every connection (the worker is gone) and closes the port. */
  close() {
    this.closed = true;
    for (const socket of this.sockets.values()) {
      socket.closedByPeer = true;
      socket.destroy();
    }
    this.sockets.clear();
    this.port.close();
  }
}

module.exports = { PortConnections, PortSocket };
