/** The editable part of the profile as typed, and the update that sends only what changed. */
import type { ProfileData, UpdateProfileRequest } from '../../shared/contracts-member';

export interface Edits {
  phone: string;
  town: string;
  community: string;
  skills: string[];
  contactName: string;
  contactRelation: string;
  contactPhone: string;
}

export function editsOf(profile: ProfileData): Edits {
  return {
    phone: profile.phone,
    town: profile.town,
    community: profile.community,
    skills: [...profile.skills],
    contactName: profile.emergencyContact?.name ?? '',
    contactRelation: profile.emergencyContact?.relation ?? '',
    contactPhone: profile.emergencyContact?.phone ?? '',
  };
}

function contactOf(edits: Edits): UpdateProfileRequest['emergencyContact'] {
  const name = edits.contactName.trim();
  const relation = edits.contactRelation.trim();
  const phone = edits.contactPhone.trim();
  return name || relation || phone ? { name, relation, phone } : null;
}

/** Only the fields that differ from the stored profile (a helper's edits are logged per field). */
export function changesOf(profile: ProfileData, edits: Edits): UpdateProfileRequest {
  const changes: UpdateProfileRequest = {};
  if (edits.phone.trim() !== profile.phone) changes.phone = edits.phone.trim();
  if (edits.town.trim() !== profile.town) changes.town = edits.town.trim();
  if (edits.community.trim() !== profile.community) changes.community = edits.community.trim();
  if (edits.skills.join('|') !== profile.skills.join('|')) changes.skills = edits.skills;
  const contact = contactOf(edits);
  if (JSON.stringify(contact) !== JSON.stringify(profile.emergencyContact)) changes.emergencyContact = contact;
  return changes;
}
