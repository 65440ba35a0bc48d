// How a page names a person (上报人, 退回, 会签人, 签收人, 录入): the unit and display name the server
// sent beside the records (`people`: login name → name), never the bare login name (issue 13 §5).
import { createContext, useContext, type ReactNode } from 'react';
import { t } from '../i18n/index.ts';

/** How the server names the system's own work (server/src/modules/users/people.ts): interface text. */
const SYSTEM = '系统';

/** Whether the server named the system, not a person. */
export const isSystem = (label: string): boolean => label === SYSTEM;

/** A person as the server named them, the system in the reader's language. */
export const shownPerson = (label: string): string => (isSystem(label) ? t(SYSTEM) : label);

const PeopleContext = createContext<Readonly<Record<string, string>>>({});

export function PeopleProvider({
  people,
  children,
}: {
  people: Readonly<Record<string, string>> | undefined;
  children: ReactNode;
}) {
  return <PeopleContext value={people ?? {}}>{children}</PeopleContext>;
}

/** The person as shown: their unit and name when the server knows them, else what was recorded. */
export const personName = (
  people: Readonly<Record<string, string>>,
  username: string | null | undefined,
): string => (username ? shownPerson(people[username] ?? username) : '—');

/** personName over the records' people given by the nearest PeopleProvider. */
export function usePerson(): (username: string | null | undefined) => string {
  const people = useContext(PeopleContext);
  return (username) => personName(people, username);
}
