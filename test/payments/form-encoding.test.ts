import { describe, expect, it } from 'vitest';
import { InvalidParameterError } from '../../local/payments/errors.js';
import { parseForm } from '../../local/payments/form-encoding.js';

describe("Stripe's form encoding", () => {
  it('nests objects and lists, brackets encoded or not', () => {
    expect(parseForm('amount=100&metadata[order_id]=o%201&metadata%5Btable%5D=4&allowed_payment_method_types[0]=card&expand[]=a&expand[]=b&automatic_payment_methods[enabled]=true')).toEqual({
      amount: '100',
      metadata: { order_id: 'o 1', table: '4' },
      allowed_payment_method_types: ['card'],
      expand: ['a', 'b'],
      automatic_payment_methods: { enabled: 'true' },
    });
  });

  it('reads an empty value as given (Stripe: unset)', () => {
    expect(parseForm('description=&metadata[a]=')).toEqual({ description: '', metadata: { a: '' } });
  });

  it.each(['a]=1', 'a=1&a=2', 'a=1&a[b]=2', 'list[1]=x', 'list[0]=x&list[b]=y'])('refuses %s', (body) => {
    expect(() => parseForm(body)).toThrow(InvalidParameterError);
  });
});
