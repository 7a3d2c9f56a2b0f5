/** The floor: PapaParse alone over the same files, decoded the same way, in 1 MB chunks. */
import Papa from 'papaparse';

self.onmessage = async (event: MessageEvent<{ files: File[] }>) => {
  const started = performance.now();
  let rows = 0;
  for (const file of event.data.files) {
    const text = new TextDecoder('utf-8').decode(await file.arrayBuffer());
    await new Promise<void>((resolve) => {
      Papa.parse<string[]>(text, {
        header: false,
        skipEmptyLines: true,
        chunkSize: 1024 * 1024,
        chunk: (result: Papa.ParseResult<string[]>) => {
          rows += result.data.length;
        },
        complete: () => resolve(),
      });
    });
  }
  self.postMessage({ rows, ms: performance.now() - started });
};
