/** WebGPU adapters: which ones are software rasterisers (lavapipe, llvmpipe, SwiftShader), not GPUs to prefer over the fused engine. */
export function isSoftwareAdapter(adapter: Record<string, string> | undefined): boolean {
  const text = `${adapter?.architecture ?? ''} ${adapter?.description ?? ''} ${adapter?.device ?? ''}`.toLowerCase();
  return /software|llvmpipe|lavapipe|swiftshader/.test(text);
}
