/** A card's title as a second-level heading, so a screen reader can jump between a page's parts. */
export function CardTitle({ children }: { children: React.ReactNode }) {
  return <h2 style={{ fontSize: 16, margin: 0 }}>{children}</h2>;
}
