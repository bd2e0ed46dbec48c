#!/usr/bin/env node
// The layer rule that an import list cannot show (docs/ARCHITECTURE.md, "The path of a write"):
// the web layer never opens a transaction, writes an audit row or calls a repository; it calls
// a command or query in services/. The editor's ProseMirror code has transactions of its own.
// Tests may set up state directly. Run by `npm run lint`.
import fs from 'node:fs';
import path from 'node:path';

const RULES = [
  { pattern: /\brepos\b/, says: 'uses repositories (call a query or command in services/)' },
  { pattern: /\.transaction\s*\(/, says: 'opens a database transaction (a command in services/ owns it)' },
  { pattern: /\baudit\.record\b|\brecordAudit\b/, says: 'writes an audit row (a command in services/ owns it)' },
  { pattern: /\bkysely\b|\.db\b\.|\bsql`/, says: 'touches the database (go through services/)' },
];

const root = 'src/web';
const offences = [];
for (const rel of fs.readdirSync(root, { recursive: true }).map(String)) {
  const file = path.join(root, rel);
  if (!/\.tsx?$/.test(file) || /\.test\.tsx?$/.test(file)) continue;
  if (file.startsWith(path.join(root, 'editor') + path.sep)) continue;
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (/^\s*(\/\/|\*|\/\*)/.test(line)) return;
    for (const rule of RULES) if (rule.pattern.test(line)) offences.push(`${file}:${i + 1}: ${rule.says}`);
  });
}
if (offences.length > 0) {
  console.error(offences.join('\n'));
  console.error(`check-layers: ${offences.length} place(s) in src/web go around services/.`);
  process.exit(1);
}
