// Shapes people for the team pages, and reads the profile form back. Never queries.
import type { Invitation } from '../../../core/auth.ts';
import type { Person, PersonLink, Role } from '../../../core/types.ts';
import { MAX_LINKS } from '../../../services/people/rules.ts';

export const MAX_LINK_ROWS = MAX_LINKS;

export interface PersonRowView {
  id: number;
  href: string;
  name: string;
  email: string;
  role: Role;
  status: 'active' | 'disabled' | 'invited' | 'noPassword';
  twoFactor: boolean;
}

export interface ProfileValues {
  name: string;
  email: string;
  slug: string;
  role: string;
  bio: string;
  locale: string;
  links: PersonLink[];
}

export function presentPersonRow(
  person: Person,
  hasPassword: boolean,
  invitation: Invitation | null,
): PersonRowView {
  const status = person.disabled
    ? 'disabled'
    : hasPassword
      ? 'active'
      : invitation
        ? 'invited'
        : 'noPassword';
  return {
    id: person.id,
    href: `/newsroom/people/${person.id}`,
    name: person.name,
    email: person.email,
    role: person.role,
    status,
    twoFactor: person.twoFactorEnabled,
  };
}

export function profileValues(person: Person): ProfileValues {
  return {
    name: person.name,
    email: person.email,
    slug: person.slug,
    role: person.role,
    bio: person.bio,
    locale: person.locale,
    links: person.links,
  };
}

/** The profile form's fields, parsed by `ProfileForm` (the service validates them). */
export function readProfileForm(body: Record<string, unknown>): ProfileValues {
  const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string) : '');
  const links: PersonLink[] = [];
  for (let i = 0; i < MAX_LINK_ROWS; i++) {
    const label = text(`link_label_${i}`).slice(0, 200);
    const url = text(`link_url_${i}`).slice(0, 2000);
    if (label.trim() !== '' || url.trim() !== '') links.push({ label, url });
  }
  return {
    name: text('name').slice(0, 500),
    email: text('email').slice(0, 500),
    slug: text('slug').slice(0, 500),
    role: text('role'),
    bio: text('bio').slice(0, 5000),
    locale: text('locale'),
    links,
  };
}
