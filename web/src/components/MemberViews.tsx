import { isAdmin, isKitchenStaff, type Session } from '../auth/session.js';
import { useMyOrders } from '../hooks/use-my-orders.js';
import type { Route } from '../state/route.js';
import { CustomerView } from './CustomerView.js';
import { KitchenView } from './KitchenView.js';
import { MenuPage } from './MenuPage.js';
import { RestaurantsPage } from './RestaurantsPage.js';

/**
 * The views of a signed-in user (mounted once per user). Their own orders are read and kept live here, above the
 * views: a menu's cart adds what it places to them, and "My orders" shows them.
 */
export function MemberViews({ session, route }: { session: Session; route: Route }) {
  const myOrders = useMyOrders();
  switch (route.view) {
    case 'restaurants':
      return <RestaurantsPage readAuth="userPool" />;
    case 'menu':
      return <MenuPage key={route.restaurantId} restaurantId={route.restaurantId} member={{ session, orders: myOrders }} />;
    case 'kitchen':
      if (isKitchenStaff(session)) return <KitchenView admin={isAdmin(session)} />;
      return <CustomerView orders={myOrders} />;
    default:
      return <CustomerView orders={myOrders} />;
  }
}
