import type { MyOrders as MyOrdersData } from '../hooks/use-my-orders.js';
import { Alerts } from './Alerts.js';
import { LinkBanner } from './LinkBanner.js';
import { MyOrders } from './MyOrders.js';

/** The customer's page: every order of theirs, kept live (orders are placed from a restaurant's menu). */
export function CustomerView({ orders }: { orders: MyOrdersData }) {
  return (
    <>
      <LinkBanner state={orders.link} />
      <Alerts alerts={orders.alerts} dismiss={orders.dismiss} />
      <MyOrders state={orders.state} run={orders.run} onCreated={orders.apply} onFilter={orders.filter} onLoadMore={orders.loadMore} />
    </>
  );
}
