/** The weapp's custom tab bar (app.config tabBar.custom): the same TabBar the H5 tab pages show. */
import { TabBar } from '../components/TabBar';

export default function CustomTabBar() {
  return <TabBar />;
}
