import { describe, expect, it } from 'vitest';
import { channelName, joinPresenter, slideForKey } from '../../../src/views/case-studies/presenter-sync';

describe('slideForKey', () => {
  it('moves forward and back by arrows, pages and space, and stays within the slides', () => {
    expect(slideForKey('ArrowRight', 0, 3)).toBe(1);
    expect(slideForKey('ArrowDown', 1, 3)).toBe(2);
    expect(slideForKey('PageDown', 2, 3)).toBe(2);
    expect(slideForKey(' ', 0, 3)).toBe(1);
    expect(slideForKey('ArrowLeft', 2, 3)).toBe(1);
    expect(slideForKey('PageUp', 0, 3)).toBe(0);
    expect(slideForKey('ArrowUp', 1, 3)).toBe(0);
    expect(slideForKey('Home', 2, 3)).toBe(0);
    expect(slideForKey('End', 0, 3)).toBe(2);
    expect(slideForKey('a', 0, 3)).toBeNull();
    expect(slideForKey('Escape', 0, 3)).toBeNull();
  });
});

const settle = () => new Promise((r) => setTimeout(r, 30));

describe('joinPresenter', () => {
  it('keeps the slides and the notes window on the same slide, both ways, and tells when one leaves', async () => {
    const slidesSeen: number[] = [];
    const notesSeen: number[] = [];
    let slidesPeer = false;
    let notesPeer = false;
    let at = 3;
    const slides = joinPresenter(7, 'slides', { onSlide: (s) => slidesSeen.push(s), onPeer: (p) => (slidesPeer = p), current: () => at });
    const notes = joinPresenter(7, 'notes', { onSlide: (s) => notesSeen.push(s), onPeer: (p) => (notesPeer = p), current: () => 0 });
    await settle();
    // The notes window said hello; the slides answered with where they are.
    expect(slidesPeer).toBe(true);
    expect(notesPeer).toBe(true);
    expect(notesSeen).toEqual([3]);
    at = 4;
    slides.send(4);
    await settle();
    expect(notesSeen).toEqual([3, 4]);
    notes.send(2);
    await settle();
    expect(slidesSeen).toEqual([2]);
    notes.close();
    await settle();
    expect(slidesPeer).toBe(false);
    slides.close();
  });

  it('keeps case studies apart', async () => {
    const seen: number[] = [];
    const a = joinPresenter(1, 'slides', { onSlide: (s) => seen.push(s), onPeer: () => {}, current: () => 0 });
    const b = joinPresenter(2, 'notes', { onSlide: () => {}, onPeer: () => {}, current: () => 0 });
    b.send(5);
    await settle();
    expect(seen).toEqual([]);
    expect(channelName(1)).not.toBe(channelName(2));
    a.close();
    b.close();
  });
});
