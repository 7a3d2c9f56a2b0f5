/**
 * Which column mapping, if any, reads a header row: the one the user chose for this file, else
 * the newest saved profile of the same header row. Pure.
 */
import { findProfile, profileMapping, sameMapping, type ColumnMapping, type MappingProfile } from '../domain/mapping';
import { detectionFromMapping, type KindDetection } from './detect-kind';

export const PREVIEW_ROWS = 10;

export const profileNote = (name: string): string => `Mapped with profile ${name}`;

export interface MappedHeader {
  detection: KindDetection;
  /** For the report: which profile (or the user's own mapping) was applied. */
  note: string;
}

/** The detection from a mapping or a matching profile; null when neither applies (detect the kind). */
export function mappedDetection(
  header: readonly string[],
  mapping: ColumnMapping | null | undefined,
  profiles: readonly MappingProfile[] | undefined,
): MappedHeader | null {
  const profile = profiles?.length ? findProfile(profiles, header) : null;
  if (mapping) {
    const detection = detectionFromMapping(header, mapping);
    const note =
      profile && sameMapping(profileMapping(profile), mapping) ? profileNote(profile.name) : 'Columns mapped by hand with “Map columns”';
    return { detection, note: detection.kind ? note : '' };
  }
  if (!profile) return null;
  const detection = detectionFromMapping(header, profileMapping(profile));
  return { detection, note: detection.kind ? profileNote(profile.name) : '' };
}
