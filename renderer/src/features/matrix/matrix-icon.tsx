/** The matrix's mark: a small grid (its tab, the Collections header, the view's title). */
export const GridIcon = ({ size = 13 }: { size?: number }) => (
  <svg viewBox="0 0 16 16" width={size} height={size} aria-hidden>
    <rect x="2" y="2" width="5" height="5" rx="1" fill="currentColor" /><rect x="9" y="2" width="5" height="5" rx="1" fill="currentColor" opacity=".45" />
    <rect x="2" y="9" width="5" height="5" rx="1" fill="currentColor" opacity=".45" /><rect x="9" y="9" width="5" height="5" rx="1" fill="currentColor" />
  </svg>
);
