/** In-page addresses, so the catalog can link to each counterexample's story. */

export function storyAnchor(propertyId: string, variant: string | null): string {
  const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `story-${slug(propertyId)}${variant ? `--${slug(variant)}` : ''}`;
}
