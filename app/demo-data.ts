/**
 * The demo data `npm start` seeds into a new data dir (app/seed.ts): three restaurants in different currencies with
 * real-looking menus and hours, and three users who can sign in.
 */

/** Meets the pool's policy (8+ characters, upper and lower case, a digit, a symbol). Demo data only. */
export const DEMO_PASSWORD = 'Demo-pass1';

export interface DemoUser {
  username: string;
  groups: string[];
  /** What the banner says of them. */
  role: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'ada', groups: ['admin'], role: 'admin: every restaurant, its staff and every kitchen' },
  { username: 'carla', groups: ['staff'], role: 'cook at Trattoria Roma: its kitchen and its menu' },
  { username: 'alice', groups: [], role: 'customer: orders from the menus' },
];

export interface DemoDish {
  category: string;
  name: string;
  description?: string;
  /** In the currency's minor unit. */
  price: number;
  available?: boolean;
}

export interface DemoRestaurant {
  id: string;
  name: string;
  description: string;
  currency: string;
  timeZone: string;
  openingHours: { day: string; opens: string; closes: string }[];
  preparationMinutes: number;
  staff: string[];
  menu: DemoDish[];
}

const WEEK = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const hours = (days: readonly string[], ...periods: [string, string][]) => days.flatMap((day) => periods.map(([opens, closes]) => ({ day, opens, closes })));

export const DEMO_RESTAURANTS: readonly DemoRestaurant[] = [
  {
    id: 'trattoria-roma',
    name: 'Trattoria Roma',
    description: 'Wood-fired pizza and fresh pasta near Campo de’ Fiori.',
    currency: 'EUR',
    timeZone: 'Europe/Rome',
    openingHours: hours(WEEK, ['11:00', '23:30']),
    preparationMinutes: 20,
    staff: ['carla'],
    menu: [
      { category: 'Antipasti', name: 'Bruschetta al pomodoro', description: 'Grilled bread, tomatoes, basil, garlic', price: 650 },
      { category: 'Antipasti', name: 'Burrata', description: 'With cherry tomatoes and olive oil', price: 1100 },
      { category: 'Pizza', name: 'Margherita', description: 'Tomato, fior di latte, basil', price: 900 },
      { category: 'Pizza', name: 'Diavola', description: 'Tomato, mozzarella, spicy salami', price: 1100 },
      { category: 'Pizza', name: 'Quattro formaggi', description: 'Mozzarella, gorgonzola, fontina, parmigiano', price: 1250 },
      { category: 'Pasta', name: 'Cacio e pepe', description: 'Tonnarelli, pecorino romano, black pepper', price: 1200 },
      { category: 'Pasta', name: 'Carbonara', description: 'Rigatoni, guanciale, egg yolk, pecorino', price: 1350 },
      { category: 'Dolci', name: 'Tiramisù', price: 650 },
      { category: 'Dolci', name: 'Panna cotta', description: 'With berry coulis', price: 600, available: false },
    ],
  },
  {
    id: 'sushi-kanda',
    name: 'Sushi Kanda',
    description: 'A counter of nigiri and rolls by Kanda station, Tokyo.',
    currency: 'JPY',
    timeZone: 'Asia/Tokyo',
    openingHours: hours(WEEK.slice(1), ['11:30', '14:30'], ['17:30', '22:00']),
    preparationMinutes: 15,
    staff: [],
    menu: [
      { category: 'Nigiri', name: 'Salmon nigiri', description: 'Two pieces', price: 480 },
      { category: 'Nigiri', name: 'Maguro nigiri', description: 'Lean tuna, two pieces', price: 520 },
      { category: 'Nigiri', name: 'Unagi nigiri', description: 'Grilled eel, two pieces', price: 650 },
      { category: 'Rolls', name: 'California roll', price: 980 },
      { category: 'Rolls', name: 'Spicy tuna roll', price: 1100 },
      { category: 'Bowls', name: 'Chirashi don', description: 'Sashimi over sushi rice', price: 1800 },
      { category: 'Bowls', name: 'Katsu curry', price: 1350 },
      { category: 'Sides', name: 'Miso soup', price: 300 },
    ],
  },
  {
    id: 'brooklyn-diner',
    name: 'Brooklyn Diner',
    description: 'Burgers, pancakes and shakes, around the clock.',
    currency: 'USD',
    timeZone: 'America/New_York',
    openingHours: hours(WEEK, ['00:00', '24:00']),
    preparationMinutes: 12,
    staff: [],
    menu: [
      { category: 'Breakfast', name: 'Pancake stack', description: 'Maple syrup and butter', price: 1150 },
      { category: 'Breakfast', name: 'Eggs Benedict', price: 1450 },
      { category: 'Burgers', name: 'Classic cheeseburger', description: 'With fries', price: 1595 },
      { category: 'Burgers', name: 'Veggie burger', description: 'With fries', price: 1495 },
      { category: 'Sides', name: 'Onion rings', price: 650 },
      { category: 'Shakes', name: 'Chocolate shake', price: 795 },
    ],
  },
];
