// Site settings written by the demo seed.
export const siteSettings: Record<string, unknown> = {
  'site.name': 'مداد',
  'site.tagline': 'صحافة مستقلة من قلب الساحل',
  'site.description':
    'مداد منصة إخبارية مستقلة تغطي مالي والنيجر ومنطقة الساحل بالعربية والفرنسية والإنجليزية: أخبار محلية، وتحقيقات، وثقافة، ورياضة.',
  'comments.moderation': 'first-time',
  'copyProtection.enabled': false,
};
