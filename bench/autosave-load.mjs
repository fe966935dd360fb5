// Autosave load in its own process: `connections` loops, each with its own task and version chain, PATCH the
// task's answers with If-Match for `duration` seconds; a 409 (someone else saved) takes the version from the
// problem's `current` and tries again. `prefer` is sent as the Prefer header (the form's autosave sends
// return=minimal). Prints { saves, conflicts, failures, statuses, latency } as JSON.
// Usage: node bench/autosave-load.mjs '{"url":…,"token":…,"tasks":[{"id":…,"version":0}],"connections":50,"duration":10,"field":"successes"}'
import http from 'node:http';
import { performance } from 'node:perf_hooks';

const options = JSON.parse(process.argv[2]);
const base = new URL(options.url);
const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
const text = 'Vi har följt upp samverkan vid in- och utskrivning i närområdesgrupperna och ser färre avvikelser än i fjol. ';

function patch(taskId, version, body) {
  return new Promise((resolve, reject) => {
    const payload = Buffer.from(JSON.stringify(body));
    const request = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: 'PATCH',
        path: `/api/v1/tasks/${taskId}/answers`,
        headers: {
          Authorization: `Bearer ${options.token}`,
          'Content-Type': 'application/json',
          'Content-Length': payload.length,
          'If-Match': `"${version}"`,
          ...(options.prefer ? { Prefer: options.prefer } : {}),
        },
      },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

const statuses = {};
const latencies = [];
let saves = 0;
let conflicts = 0;
let failures = 0;
const started = performance.now();
const until = started + options.duration * 1000;

async function loop(index) {
  const task = options.tasks[index % options.tasks.length];
  let version = task.version;
  for (let n = 0; performance.now() < until; n++) {
    const sent = performance.now();
    try {
      const { status, body } = await patch(task.id, version, { [options.field]: `${text}(${index}-${n})` });
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status === 200) {
        latencies.push(performance.now() - sent);
        saves++;
        version = JSON.parse(body).version;
      } else if (status === 409) {
        conflicts++;
        version = JSON.parse(body).current?.version ?? version;
      } else {
        failures++;
        if (failures <= 3) process.stderr.write(`autosave: ${status} ${body.slice(0, 300)}\n`);
      }
    } catch (error) {
      failures++;
      if (failures <= 3) process.stderr.write(`autosave: ${error}\n`);
    }
  }
}

await Promise.all(Array.from({ length: options.connections }, (_, i) => loop(i)));
const seconds = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const at = (p) => (latencies.length ? Number(latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)].toFixed(1)) : null);
agent.destroy();
process.stdout.write(JSON.stringify({ seconds, saves, conflicts, failures, statuses, savesPerSecond: saves / seconds, latency: { p50: at(50), p99: at(99) } }));
