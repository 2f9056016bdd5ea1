/** Sends one GraphQL request as the token's bearer; answers the response body. */
export type SendGraphql = (query: string, variables: Record<string, unknown>, token: string) => Promise<{ errors?: { errorType?: string | null }[] | undefined }>;

const CREATE_RESTAURANT = 'mutation($input: CreateRestaurantInput!) { createRestaurant(input: $input) { id } }';
const ADD_STAFF = 'mutation($id: ID!, $add: [String!]) { setRestaurantStaff(restaurantId: $id, add: $add) { usernames } }';
const ALWAYS_OPEN = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].map((day) => ({ day, opens: '00:00', closes: '24:00' }));

/**
 * As an admin names staff (staff see and move only their restaurants' orders): `username` works for each
 * restaurant, created first, open around the clock, when there is none.
 */
export async function employ(send: SendGraphql, adminToken: string, username: string, restaurantIds: readonly string[]): Promise<void> {
  for (const id of restaurantIds) {
    const input = { id, name: `Restaurant ${id}`, currency: 'EUR', timeZone: 'UTC', openingHours: ALWAYS_OPEN, preparationMinutes: 15 };
    const created = await send(CREATE_RESTAURANT, { input }, adminToken);
    if (created.errors && created.errors[0]?.errorType !== 'ConflictError') throw new Error(`createRestaurant ${id}: ${JSON.stringify(created.errors)}`);
    const added = await send(ADD_STAFF, { id, add: [username] }, adminToken);
    if (added.errors) throw new Error(`setRestaurantStaff ${id}: ${JSON.stringify(added.errors)}`);
  }
}
