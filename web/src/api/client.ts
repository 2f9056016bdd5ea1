import { type Client, generateClient } from 'aws-amplify/api';
import { ApiError } from './api-error.js';

let made: Client | undefined;

/** The one Amplify GraphQL client of the app (made on first use, after Amplify.configure). */
export const client = (): Client => {
  made ??= generateClient<never>();
  return made;
};

/** Runs a call; every failure becomes an ApiError. */
export async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw ApiError.from(error);
  }
}
