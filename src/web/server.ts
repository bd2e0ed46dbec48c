// Starts listening. The only module that opens a port.
import type { FastifyInstance } from 'fastify';
import { SetupError } from '../core/errors.ts';

export async function listen(app: FastifyInstance, host: string, port: number): Promise<string> {
  try {
    return await app.listen({ host, port });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new SetupError(
        `Port ${port} on ${host} is already in use. Stop the other program or set PORT to a free port.`,
      );
    }
    if (code === 'EACCES') {
      throw new SetupError(
        `Not allowed to listen on port ${port}. Ports below 1024 need special rights; use PORT=3000.`,
      );
    }
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
      throw new SetupError(`HOST "${host}" is not an address of this machine. Use 127.0.0.1 or 0.0.0.0.`);
    }
    throw err;
  }
}
