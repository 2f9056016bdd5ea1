import type { LocalUserPool } from '../local/cognito/user-pool.js';
import { type LoadTarget, sendOnce } from './load.js';

const RESTAURANT = 'bench-trattoria';
const ITEMS = 20;
const ALWAYS_OPEN = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].map((day) => ({ day, opens: '00:00', closes: '24:00' }));
const MENU_FIELDS = `restaurant { id name currency openNow acceptingOrders }
  categories { name items { id name description price available version } }`;

/**
 * A restaurant with 20 items in 4 categories, created through the API by an admin, and what a visitor's menu read
 * is: getMenu with the API key, against the raw Query of the restaurant's partition up to RESTAURANT.
 */
export async function seedBenchMenu(graphqlAs: (authorization: string) => (query: string, variables?: Record<string, unknown>) => LoadTarget, pool: LocalUserPool) {
  pool.ensureUser('bench-admin', { groups: ['admin'] });
  const admin = graphqlAs((await pool.issueTokens('bench-admin')).idToken);
  const input = { id: RESTAURANT, name: 'Bench Trattoria', currency: 'EUR', timeZone: 'UTC', openingHours: ALWAYS_OPEN, preparationMinutes: 15 };
  await sendOnce(admin('mutation($input: CreateRestaurantInput!) { createRestaurant(input: $input) { id } }', { input }));
  for (let i = 0; i < ITEMS; i += 1) {
    const item = { restaurantId: RESTAURANT, name: `Dish ${i}`, description: 'Tomato, mozzarella, basil', category: `Category ${i % 4}`, price: 800 + i * 50 };
    await sendOnce(admin('mutation($input: AddMenuItemInput!) { addMenuItem(input: $input) { id } }', { input: item }));
  }
  return {
    query: `query($r: ID!) { getMenu(restaurantId: $r) { ${MENU_FIELDS} } }`,
    variables: { r: RESTAURANT },
    rawQuery: {
      TableName: 'catalog',
      KeyConditionExpression: 'restaurantId = :r AND sk <= :s',
      ExpressionAttributeValues: { ':r': { S: RESTAURANT }, ':s': { S: 'RESTAURANT' } },
    },
  };
}
