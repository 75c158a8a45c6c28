// One worker of the multi-process example. It embeds the bus with
// connectBus() and publishes custom METRIC samples; the hub samples its
// resources because the worker announced its pid in the handshake.
//   kind 'cpu'  burns a core in 50 ms slices (iteration time, success rate)
//   kind 'mem'  grows its heap by ~2 MiB a second (bytes held)
//   kind 'idle' wakes once a second (heartbeat count)
import { connectBus, Topic } from '../../src/index.js';

const [kind = 'idle', socket = '', runId = ''] = process.argv.slice(2);
const component = `${kind}-worker`;
const bus = connectBus({ socket, component, runId, logger: { warn: () => undefined } });
const metric = (name: string, value: number) =>
  bus.publish(Topic.METRIC, { tsMs: Date.now(), runId, component, pid: process.pid, name, value });

const held: Buffer[] = [];
let iteration = 0;
const timer = setInterval(() => {
  iteration++;
  if (kind === 'cpu') {
    const t0 = performance.now();
    let x = 0;
    while (performance.now() - t0 < 50) x += Math.sqrt(x + iteration);
    metric('iteration_ms', performance.now() - t0);
    metric('success_rate', 0.5 + 0.4 * Math.sin(iteration / 10) + (x > 0 ? 0 : 1));
  } else if (kind === 'mem') {
    held.push(Buffer.alloc(200 * 1024, iteration)); // touched, so resident
    metric('bytes_held', held.length * 200 * 1024);
  } else if (iteration % 20 === 0) {
    metric('idle_ticks', iteration / 20);
  }
}, kind === 'cpu' ? 60 : 50);

process.on('message', (m) => {
  if (m === 'stop') {
    clearInterval(timer);
    void bus.close().then(() => process.exit(0));
  }
});
