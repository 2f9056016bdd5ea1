import { WebSocketServer } from 'ws';
import type { BareCommand, BareReply } from './fanout-protocol.js';

/**
 * The fan-out floor: a bare `ws` server in its own process (as the real server is in its own) that, when the bench
 * asks, sends one frame of the given size to every socket open on it: what the sockets alone cost on this machine.
 * The frame is a `data` message padded to the size of the one the real server sends.
 */
// Node's default listen backlog (511), as the real server's HTTP server has.
const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
const reply = (message: BareReply): void => void process.send?.(message);

server.on('listening', () => {
  const address = server.address();
  reply({ op: 'listening', port: typeof address === 'object' && address ? address.port : 0 });
});
server.on('connection', (socket) => socket.on('error', () => undefined));

process.on('message', (command: BareCommand) => {
  if (command.op !== 'broadcast') return;
  const empty = JSON.stringify({ id: 'orders', type: 'data', payload: { pad: '' } });
  const frame = JSON.stringify({ id: 'orders', type: 'data', payload: { pad: 'x'.repeat(Math.max(0, command.bytes - empty.length)) } });
  for (const socket of server.clients) socket.send(frame);
  reply({ op: 'sent', sockets: server.clients.size });
});
// Owned by the bench: gone with its IPC channel.
process.on('disconnect', () => process.exit(0));
