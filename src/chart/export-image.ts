/**
 * Export of a drawn chart as a self-contained SVG file or a PNG image. Everything the chart
 * looks like is in presentation attributes (no stylesheet), so a clone of the element, as
 * zoomed, is the file; parts marked data-export="skip" (the cursor, the focus ring) are left
 * out. Nothing leaves the browser.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svgMarkup(svg: SVGSVGElement, title: string): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
  for (const el of clone.querySelectorAll('[data-export="skip"]')) el.remove();
  for (const el of [clone, ...clone.querySelectorAll('*')]) {
    for (const name of ['tabindex', 'role', 'aria-label', 'aria-labelledby', 'aria-describedby', 'aria-hidden', 'data-key', 'data-lane', 'style', 'class']) {
      el.removeAttribute(name);
    }
  }
  const titleEl = document.createElementNS(SVG_NS, 'title');
  titleEl.textContent = title;
  clone.insertBefore(titleEl, clone.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

/** Draws the SVG markup on a canvas at `scale` times its size and returns it as PNG. */
export async function svgToPng(markup: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    const loaded = new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The chart image could not be drawn.'));
    });
    image.src = url;
    await loaded;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw images.');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be made.'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
