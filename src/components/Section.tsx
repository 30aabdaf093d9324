import type { PropsWithChildren } from 'react';
import { PlainBox } from './PlainBox';
import { PlainText } from './PlainText';

interface SectionProps {
  title: string;
  /** Shown in plain words when the section has nothing to list. */
  emptyText: string;
  count: number;
}

export function Section({ title, emptyText, count, children }: PropsWithChildren<SectionProps>) {
  return (
    <PlainBox className='section'>
      <PlainText className='section__title'>{title}</PlainText>
      {count === 0 ? <PlainText className='section__empty'>{emptyText}</PlainText> : children}
    </PlainBox>
  );
}
