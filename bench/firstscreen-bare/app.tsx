import type { PropsWithChildren } from 'react';
import '../../src/app.scss';

export default function App({ children }: PropsWithChildren) {
  return children;
}
