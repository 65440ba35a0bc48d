// How a page names a person (上报人, 退回, 会签人, 签收人, 录入): the unit and display name the server
// sent beside the records (`people`: login name → name), never the bare login name (issue 13 §5).
import { createContext, useContext, type ReactNode } from 'react';

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
): string => (username ? (people[username] ?? username) : '—');

/** personName over the records' people given by the nearest PeopleProvider. */
export function usePerson(): (username: string | null | undefined) => string {
  const people = useContext(PeopleContext);
  return (username) => personName(people, username);
}
