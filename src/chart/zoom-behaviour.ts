/**
 * d3-zoom set up the way every zoomable chart here uses it: zoom in up to `maxZoom`, never out
 * past the whole domain, pan within the plot, no double-click zoom. Charts keep the transform in
 * their own state through `onZoom`.
 */
import { select } from 'd3-selection';
import { zoom, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';

type Extent = [[number, number], [number, number]];

export interface ZoomOptions {
  maxZoom: number;
  /** The plot's extent, read again on every gesture. */
  extent: () => Extent;
  /** Which events start a gesture; d3's default when absent. */
  filter?: (event: MouseEvent | WheelEvent) => boolean;
  wheelDelta?: (event: WheelEvent) => number;
  onZoom: (transform: ZoomTransform) => void;
}

export function attachZoom<E extends Element>(el: E, options: ZoomOptions): { behavior: ZoomBehavior<E, unknown>; detach: () => void } {
  const behavior = zoom<E, unknown>()
    .scaleExtent([1, options.maxZoom])
    .extent(() => options.extent())
    .translateExtent(options.extent())
    .on('zoom', (event: { transform: ZoomTransform }) => options.onZoom(event.transform));
  if (options.filter) behavior.filter(options.filter);
  if (options.wheelDelta) behavior.wheelDelta(options.wheelDelta);
  const selection = select(el);
  selection.call(behavior).on('dblclick.zoom', null);
  return { behavior, detach: () => void selection.on('.zoom', null) };
}
