import { describe, expect, it } from 'vitest';
import { contactErrors, contactPhone } from './contact.ts';

describe('the plan table’s contact', () => {
  it('reads a phone typed in full width as the half-width one, and still refuses words', () => {
    expect(contactPhone(' ０８９８－６５３１２３４５ ')).toBe('0898-65312345');
    expect(contactErrors('王五', '０８９８－６５３１２３４５')).toEqual([]);
    expect(contactErrors('王五', '电话')).toMatchObject([{ path: 'phone' }]);
  });
});
