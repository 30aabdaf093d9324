// apply-shared: the bar is styled by the app's WXSS (TabBar.scss), like every page.
export default { component: true, styleIsolation: 'apply-shared' };
