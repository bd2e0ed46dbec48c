// The yardstick for bench/pages.ts: Node's own http server answering every request with one
// response held in memory (the bytes and headers Midad sent for the cached article page).
// Run as a child process: node --import tsx bench/static-server.ts <port> <response.json>
import fs from 'node:fs';
import http from 'node:http';

const [portArg, file] = process.argv.slice(2);
const saved = JSON.parse(fs.readFileSync(file!, 'utf8')) as { headers: Record<string, string>; body: string };
const body = Buffer.from(saved.body, 'base64');
const headers = { ...saved.headers, 'content-length': String(body.length) };

const server = http.createServer({ keepAliveTimeout: 60_000 }, (_request, response) => {
  response.writeHead(200, headers);
  response.end(body);
});
server.listen(Number(portArg), '127.0.0.1', () => process.stdout.write('listening\n'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
