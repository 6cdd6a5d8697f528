/** Words for change events, shared by the trend chart's marks and the events page. */
export const EVENT_KIND_LABELS = {
  content_published: 'Content published',
  site_change: 'Site change',
  pr_campaign: 'PR campaign',
  product_launch: 'Product launch',
  other: 'Other',
} as const;
export type EventKind = keyof typeof EVENT_KIND_LABELS;
