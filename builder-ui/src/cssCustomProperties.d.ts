import 'react';

// The CSS custom properties the components set inline, typed so `style` needs no cast.
declare module 'react' {
  interface CSSProperties {
    '--group-color'?: string;
  }
}
