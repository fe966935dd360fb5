import type { Readable } from 'node:stream';

/** All of standard input, the last line break removed: `echo "$PASSWORD" | npm run cli -- user:create --password-stdin ...`. */
export async function readAllStdin(input: Readable = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** Asks for a secret on the terminal without echoing it. */
export function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    let answer = '';
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (error?: Error): void => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(answer);
    };
    const onData = (data: string): void => {
      for (const char of data) {
        if (char === '\r' || char === '\n' || char === '\u0004') return done();
        if (char === '\u0003') return done(new Error('Avbrutet.'));
        if (char === '\u007f' || char === '\b') answer = answer.slice(0, -1);
        else answer += char;
      }
    };
    stdin.on('data', onData);
  });
}

/** A new password: from standard input for scripts, or typed twice on a terminal. */
export async function readNewPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) return readAllStdin();
  if (!process.stdin.isTTY) throw new Error('Ingen terminal att fråga efter lösenord i: använd --password-stdin eller --invite.');
  const first = await promptHidden('Lösenord: ');
  const second = await promptHidden('Upprepa lösenordet: ');
  if (first !== second) throw new Error('Lösenorden är inte likadana.');
  return first;
}
