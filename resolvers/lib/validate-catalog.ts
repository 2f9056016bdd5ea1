import { util } from '@aws-appsync/utils';
import type { AddMenuItemInput, CreateRestaurantInput, UpdateMenuItemInput, UpdateRestaurantInput } from '../../app/generated/graphql.js';
import { isKnownCurrency } from './currencies.js';
import { openingHoursProblems, timeZoneProblems } from './opening-hours.js';

/**
 * The rules of the catalog's fields, for every mutation that writes them. As for orders, every problem is reported
 * at once, each naming its field; lengths are of the trimmed values, which are what is stored.
 */
export const MAX_NAME_LENGTH = 100;
export const MAX_DESCRIPTION_LENGTH = 500;
export const MAX_CATEGORY_LENGTH = 50;
/** 100,000.00 in a two-decimal currency: far above any dish, low enough to catch a price typed in the wrong unit. */
export const MAX_PRICE = 10_000_000;
export const MAX_STAFF = 20;
export const DEFAULT_ACCEPTANCE_TIMEOUT_SECONDS = 300;
const RESTAURANT_ID = '[a-z0-9][a-z0-9-]{0,63}';
const USERNAME = '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]{1,128}';

type Range = { min: number; max: number };
const PREPARATION_MINUTES: Range = { min: 1, max: 240 };
const ACCEPTANCE_TIMEOUT_SECONDS: Range = { min: 60, max: 3600 };
const PRICE: Range = { min: 0, max: MAX_PRICE };

export function checkNewRestaurant(input: CreateRestaurantInput): void {
  const problems = [
    ...(input.id != null && !util.matches(RESTAURANT_ID, input.id) ? ['id must be 1 to 64 lowercase letters, digits and dashes, starting with a letter or digit'] : []),
    ...restaurantProblems(input),
    ...staffProblems('staff', input.staff ?? []),
  ];
  failIfAny('restaurant', problems);
}

export function checkRestaurantChanges(input: UpdateRestaurantInput): void {
  const named = [input.name, input.description, input.currency, input.timeZone, input.openingHours, input.acceptingOrders, input.preparationMinutes, input.acceptanceTimeoutSeconds];
  if (named.every((value) => value == null)) util.error('Nothing to change: give at least one field besides id and expectedVersion', 'ValidationError');
  failIfAny('restaurant', restaurantProblems(input));
}

export function checkNewMenuItem(input: AddMenuItemInput): void {
  failIfAny('menu item', menuItemProblems(input));
}

export function checkMenuItemChanges(input: UpdateMenuItemInput): void {
  const named = [input.name, input.description, input.category, input.price, input.available];
  if (named.every((value) => value == null)) util.error('Nothing to change: give at least one of name, description, category, price or available', 'ValidationError');
  failIfAny('menu item', menuItemProblems(input));
}

export function checkStaffChanges(add: string[], remove: string[]): void {
  const both = add.filter((username) => remove.includes(username));
  const problems = [...staffProblems('add', add), ...staffProblems('remove', remove)];
  if (both.length > 0) problems.push(`a username cannot be both added and removed (${both.join(', ')})`);
  if (add.length + remove.length === 0) problems.push('give at least one username to add or remove');
  failIfAny('staff change', problems);
}

type Maybe<T> = T | null | undefined;
type RestaurantFields = {
  name?: Maybe<string>;
  description?: Maybe<string>;
  currency?: Maybe<string>;
  timeZone?: Maybe<string>;
  openingHours?: Maybe<CreateRestaurantInput['openingHours']>;
  preparationMinutes?: Maybe<number>;
  acceptanceTimeoutSeconds?: Maybe<number>;
};

function restaurantProblems(input: RestaurantFields): string[] {
  return [
    ...(input.name != null ? textProblems('name', input.name, 1, MAX_NAME_LENGTH) : []),
    ...(input.description != null ? textProblems('description', input.description, 0, MAX_DESCRIPTION_LENGTH) : []),
    ...(input.currency != null && !isKnownCurrency(input.currency) ? [`currency must be an ISO 4217 code such as EUR or USD (got "${input.currency}")`] : []),
    ...(input.timeZone != null ? timeZoneProblems(input.timeZone) : []),
    ...(input.openingHours != null ? openingHoursProblems(input.openingHours) : []),
    ...(input.preparationMinutes != null ? rangeProblems('preparationMinutes', input.preparationMinutes, PREPARATION_MINUTES) : []),
    ...(input.acceptanceTimeoutSeconds != null ? rangeProblems('acceptanceTimeoutSeconds', input.acceptanceTimeoutSeconds, ACCEPTANCE_TIMEOUT_SECONDS) : []),
  ];
}

type MenuItemFields = { name?: Maybe<string>; description?: Maybe<string>; category?: Maybe<string>; price?: Maybe<number> };

function menuItemProblems(input: MenuItemFields): string[] {
  return [
    ...(input.name != null ? textProblems('name', input.name, 1, MAX_NAME_LENGTH) : []),
    ...(input.description != null ? textProblems('description', input.description, 0, MAX_DESCRIPTION_LENGTH) : []),
    ...(input.category != null ? textProblems('category', input.category, 1, MAX_CATEGORY_LENGTH) : []),
    ...(input.price != null ? rangeProblems('price', input.price, PRICE) : []),
  ];
}

function staffProblems(field: string, usernames: string[]): string[] {
  const problems: string[] = [];
  if (usernames.length > MAX_STAFF) problems.push(`${field} must name at most ${MAX_STAFF} usernames (got ${usernames.length})`);
  const bad = usernames.filter((username) => !util.matches(USERNAME, username));
  if (bad.length > 0) problems.push(`${field} holds usernames that are not 1 to 128 visible characters`);
  const repeated = usernames.filter((username, index) => usernames.indexOf(username) !== index);
  if (repeated.length > 0) problems.push(`${field} names ${repeated.join(', ')} more than once`);
  return problems;
}

function textProblems(field: string, value: string, minLength: number, maxLength: number): string[] {
  const length = value.trim().length;
  if (length < minLength) return [`${field} must not be empty or only spaces`];
  if (length > maxLength) return [`${field} must be at most ${maxLength} characters (got ${length})`];
  return [];
}

function rangeProblems(field: string, value: number, range: Range): string[] {
  if (Math.floor(value) === value && value >= range.min && value <= range.max) return [];
  return [`${field} must be a whole number from ${range.min} to ${range.max} (got ${value})`];
}

function failIfAny(what: string, problems: string[]): void {
  if (problems.length > 0) util.error(`Invalid ${what}: ${problems.join('; ')}`, 'ValidationError');
}
