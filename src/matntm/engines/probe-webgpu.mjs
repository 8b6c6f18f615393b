// Asks Dawn (the `webgpu` package) for a WebGPU adapter in a process of its own and prints one JSON
// line: {available, reason?, adapter?}. Run by engines/index.ts for `--backend auto`, so that Dawn's
// own messages (Vulkan warnings) stay in this child's stderr and the fused engine's runs stay quiet.
let out;
try {
  const webgpu = await import('webgpu');
  Object.assign(globalThis, webgpu.globals);
  const gpu = webgpu.create([]);
  const adapter = await Promise.race([gpu.requestAdapter({ powerPreference: 'high-performance' }), new Promise((r) => setTimeout(() => r('timeout'), 20000))]);
  if (adapter === 'timeout') out = { available: false, reason: 'requestAdapter did not answer within 20000 ms' };
  else if (!adapter) out = { available: false, reason: 'no WebGPU adapter (Dawn found no Vulkan driver; install mesa-vulkan-drivers)' };
  else {
    const info = adapter.info ?? {};
    const desc = {};
    for (const k of ['vendor', 'architecture', 'device', 'description']) desc[k] = String(info[k] ?? '');
    out = { available: true, adapter: desc };
  }
} catch (err) {
  out = { available: false, reason: `WebGPU unavailable: ${err?.message ?? err}` };
}
process.stdout.write(`${JSON.stringify(out)}\n`);
process.exit(0);
