// One autocannon run in its own process, so the load generator does not share the app's event loop.
// Usage: node bench/http-load.mjs '<autocannon options as JSON>'  → prints autocannon's result as JSON.
import autocannon from 'autocannon';

const result = await autocannon(JSON.parse(process.argv[2]));
process.stdout.write(JSON.stringify(result));
