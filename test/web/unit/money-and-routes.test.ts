import { describe, expect, it } from 'vitest';
import { formatPrice, minorDigits, parsePrice, priceInputValue } from '../../../web/src/state/money.js';
import { menuHref, routeOf, signInHref } from '../../../web/src/state/route.js';

describe('prices', () => {
  it('take their minor-unit digits from the currency, not the locale', () => {
    expect([minorDigits('EUR'), minorDigits('USD'), minorDigits('JPY'), minorDigits('KWD')]).toEqual([2, 2, 0, 3]);
  });

  it('are formatted in the locale asked for, with the currency and its digits', () => {
    expect(formatPrice(850, 'EUR', 'en-US')).toBe('€8.50');
    expect(formatPrice(850, 'EUR', 'de-DE')).toBe('8,50\u00a0€');
    expect(formatPrice(1200, 'JPY', 'en-US')).toBe('¥1,200');
    expect(formatPrice(1595, 'USD', 'en-US')).toBe('$15.95');
  });

  it('are edited in major units and read back in minor units', () => {
    expect(priceInputValue(850, 'EUR')).toBe('8.50');
    expect(priceInputValue(1200, 'JPY')).toBe('1200');
    expect(parsePrice('8.5', 'EUR')).toEqual({ minor: 850 });
    expect(parsePrice(' 9,95 ', 'EUR')).toEqual({ minor: 995 });
    expect(parsePrice('12', 'EUR')).toEqual({ minor: 1200 });
    expect(parsePrice('1200', 'JPY')).toEqual({ minor: 1200 });
    expect(parsePrice('12.5', 'JPY')).toEqual({ error: 'a JPY price is a whole number' });
    expect(parsePrice('8.505', 'EUR')).toEqual({ error: 'a EUR price has at most 2 decimals' });
    expect(parsePrice('-1', 'EUR')).toHaveProperty('error');
    expect(parsePrice('', 'EUR')).toHaveProperty('error');
  });
});

describe('routes', () => {
  it('reads each view from the fragment; anything else is the restaurant list', () => {
    expect(routeOf('')).toEqual({ view: 'restaurants' });
    expect(routeOf('#/')).toEqual({ view: 'restaurants' });
    expect(routeOf('#/nowhere')).toEqual({ view: 'restaurants' });
    expect(routeOf('#/orders')).toEqual({ view: 'orders' });
    expect(routeOf('#/kitchen')).toEqual({ view: 'kitchen' });
    expect(routeOf(menuHref('trattoria roma'))).toEqual({ view: 'menu', restaurantId: 'trattoria roma' });
  });

  it('goes back after signing in only to a fragment of the app', () => {
    expect(routeOf(signInHref('#/restaurants/roma'))).toEqual({ view: 'sign-in', next: '#/restaurants/roma' });
    expect(routeOf('#/sign-in')).toEqual({ view: 'sign-in', next: null });
    expect(routeOf(`#/sign-in?next=${encodeURIComponent('https://evil.example/')}`)).toEqual({ view: 'sign-in', next: null });
  });
});
